package vn.motcua.contracts;

import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierDraftCreated;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.EventTypes;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private final DossierDraftCreated payload = new DossierDraftCreated("d-1", "citizen-1", "Nguyễn Thị Hoà",
            "1.001193", "Đăng ký khai sinh", OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.ofHours(7)));

    @Test
    void round_trips_an_event_with_vietnamese_text_and_offset_time() {
        CloudEvent event = CloudEventCodec.create("/dossier-service", EventTypes.DOSSIER_DRAFT_CREATED, "d-1", payload);

        CloudEvent read = CloudEventCodec.read(CloudEventCodec.write(event));

        assertThat(read.id()).isEqualTo(event.id());
        assertThat(read.specversion()).isEqualTo("1.0");
        assertThat(read.time().getOffset()).isEqualTo(ZoneOffset.ofHours(7));
        assertThat(CloudEventCodec.dataAs(read, DossierDraftCreated.class)).isEqualTo(payload);
    }

    @Test
    void ignores_fields_a_newer_producer_added() {
        String json = """
                {"specversion":"1.0","id":"e-1","source":"/x","type":"vn.motcua.dossier.draft-created.v1",
                 "futureAttribute":"ignored","data":{"dossierId":"d-9","futureField":42}}""";

        CloudEvent read = CloudEventCodec.read(json.getBytes(StandardCharsets.UTF_8));

        assertThat(CloudEventCodec.dataAs(read, DossierDraftCreated.class).dossierId()).isEqualTo("d-9");
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
