package vn.motcua.delivery.sla;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.delivery.support.TestOperator;
import vn.motcua.delivery.support.TopicReader;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The watch flags a stall once, with an event, and a new report clears the flag so the next stall is seen too. */
@QuarkusTest
class SlaWatchTest {

    @Inject
    SlaWatch watch;

    @Test
    void not_picked_up_in_time_then_stuck_in_transit() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, "ONLINE", Events.address("01", "00007"));
        JsonPath order = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        String id = order.getString("id");
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);

        watch.check(now.plusHours(47));
        assertThat(Api.order(id).getString("slaBreach")).isNull();
        watch.check(now.plusHours(49));
        assertThat(Api.order(id).getString("slaBreach")).isEqualTo("NOT_PICKED_UP");
        watch.check(now.plusHours(50)); // flagged once per stall

        try (TopicReader events = new TopicReader(Topics.DELIVERY)) {
            List<TopicReader.Received> breaches = events.await(r -> dossier.id().equals(r.key())
                    && DeliveryEvents.SLA_BREACHED.equals(r.event().type()), 1, Duration.ofSeconds(30));
            DeliveryEvents.SlaBreached breach = CloudEventCodec.dataAs(breaches.get(0).event(), DeliveryEvents.SlaBreached.class);
            assertThat(breach.breach()).isEqualTo("NOT_PICKED_UP");
            assertThat(breach.order().trackingNumber()).isEqualTo(order.getString("trackingNumber"));

            new TestOperator("VNPOST").overRest(List.of(TestOperator.report(order.getString("trackingNumber"), "PICKED_UP",
                    now.plusMinutes(1)))).statusCode(200).body("results[0].outcome", equalTo("APPLIED"));
            assertThat(Api.order(id).getString("slaBreach")).isNull();
            watch.check(now.plusHours(70));
            assertThat(Api.order(id).getString("slaBreach")).isNull();
            watch.check(now.plusHours(74));
            assertThat(Api.order(id).getString("slaBreach")).isEqualTo("STUCK_IN_TRANSIT");

            List<TopicReader.Received> all = events.await(r -> dossier.id().equals(r.key())
                    && DeliveryEvents.SLA_BREACHED.equals(r.event().type()), 2, Duration.ofSeconds(30));
            assertThat(events.settle(r -> dossier.id().equals(r.key())
                    && DeliveryEvents.SLA_BREACHED.equals(r.event().type()), Duration.ofSeconds(2))).hasSize(2);
            assertThat(CloudEventCodec.dataAs(all.get(1).event(), DeliveryEvents.SlaBreached.class).breach())
                    .isEqualTo("STUCK_IN_TRANSIT");
        }
        assertThat(Api.order(id).getList("timeline.entry")).contains("SLA_BREACHED");
    }
}
