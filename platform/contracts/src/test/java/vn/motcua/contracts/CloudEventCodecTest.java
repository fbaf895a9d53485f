package vn.motcua.contracts;

import org.junit.jupiter.api.Test;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final DossierEvents.DraftCreated payload = new DossierEvents.DraftCreated(
            new DossierEvents.DossierRef("d-1", null, "1.001193", "Đăng ký khai sinh", "000.00.12.H01", "UBND xã Tân Phú",
                    new Applicant("citizen-1", "Nguyễn Thị Hoà", "hoa@example.vn", "0912345678", "vi"),
                    "ONLINE", "POST", "DRAFT", 0, null, null),
            OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(7)));

    @Test
    void round_trips_an_event_with_vietnamese_text_and_offset_time() {
        CloudEvent event = CloudEventCodec.create("/dossier-service", DossierEvents.DRAFT_CREATED, "d-1", payload);

        CloudEvent read = CloudEventCodec.read(CloudEventCodec.write(event));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.specversion()).isEqualTo("1.0");
        assertThat(read.time().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(CloudEventCodec.dataAs(read, DossierEvents.DraftCreated.class)).isEqualTo(payload);
    }

    @Test
    void ignores_fields_a_newer_producer_added() {
        String json = """
                {"specversion":"1.0","id":"e-1","source":"/x","type":"vn.motcua.dossier.draft-created.v1",
                 "futureAttribute":"ignored","data":{"dossier":{"dossierId":"d-9","futureField":42}}}""";

        CloudEvent read = CloudEventCodec.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventCodec.dataAs(read, DossierEvents.DraftCreated.class).dossier().dossierId()).isEqualTo("d-9");
    }

    @Test
    void rejects_bytes_that_are_not_an_envelope() {
        assertThatThrownBy(() -> CloudEventCodec.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudEventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> CloudEventCodec.read("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}"
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudEventCodec.MalformedEventException.class)
                .hasMessageContaining("specversion");
    }
}
