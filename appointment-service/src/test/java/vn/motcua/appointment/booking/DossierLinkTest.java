package vn.motcua.appointment.booking;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.DossierFeed;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.motcua.appointment.support.Fixtures.at;

/**
 * A booking may name only the booking citizen's own dossier, as dossier.events (produced for real to the broker)
 * made it known to this service, and only while that dossier has not ended. Unknown and another citizen's dossier
 * get one and the same answer. The copy of the dossiers follows the newest event: older or redelivered events
 * change nothing.
 */
@QuarkusTest
class DossierLinkTest {

    private static final String BOOKINGS = "/api/v1/appointments/bookings";

    @Inject
    EntityManager entityManager;

    @Test
    void a_citizen_links_a_booking_to_their_own_dossier_even_before_submitting_it() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "09:00");
        String[] citizen = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(citizen[0]); // draft-created only

        String id = Fixtures.holdFor(dossierId, citizen[1], point, Fixtures.PROCEDURE, start).statusCode(201)
                .body("dossierId", equalTo(dossierId)).body("citizenId", equalTo(citizen[0])).extract().path("id");
        given().auth().oauth2(citizen[1]).when().post(BOOKINGS + "/" + id + "/confirmation").then().statusCode(200)
                .body("dossierId", equalTo(dossierId));
        assertThat(Fixtures.remaining(point, start)).isEqualTo(2);
    }

    @Test
    void another_citizens_dossier_is_refused_with_422_the_code_and_the_field_and_takes_no_seat() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "09:30");
        String owner = Fixtures.citizen()[0];
        String dossierId = DossierFeed.knownDossierOf(owner);
        String[] stranger = Fixtures.citizen();

        Fixtures.holdFor(dossierId, stranger[1], point, Fixtures.PROCEDURE, start).statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DOSSIER_NOT_LINKABLE"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("dossierId"));

        assertThat(Fixtures.remaining(point, start)).isEqualTo(3);
        given().auth().oauth2(stranger[1]).when().get(BOOKINGS).then().statusCode(200).body("total", equalTo(0));
        // the same request without the link is fine: only the dossier was refused
        Fixtures.hold(stranger[1], point, start).statusCode(201);
    }

    @Test
    void an_unknown_dossier_gets_exactly_the_answer_another_citizens_dossier_gets() {
        String point = Fixtures.servicePoint(3, 0);
        LocalDate day = Fixtures.workingDay(3);
        String[] citizen = Fixtures.citizen();
        String somebodyElses = DossierFeed.knownDossierOf(Fixtures.citizen()[0]);

        Map<String, Object> notTheirs = problem(Fixtures.holdFor(somebodyElses, citizen[1], point, Fixtures.PROCEDURE,
                at(day, "09:00")).statusCode(422).extract());
        Map<String, Object> unknown = problem(Fixtures.holdFor(UUID.randomUUID().toString(), citizen[1], point,
                Fixtures.PROCEDURE, at(day, "09:00")).statusCode(422).extract());

        assertThat(unknown).isEqualTo(notTheirs);
        assertThat(unknown.get("code")).isEqualTo("DOSSIER_NOT_LINKABLE");
        assertThat((String) unknown.get("detail")).contains("last few seconds");
        assertThat(Fixtures.remaining(point, at(day, "09:00"))).isEqualTo(3);
    }

    @Test
    void a_dossier_that_ended_cannot_be_linked_and_somebody_elses_ended_dossier_tells_nothing() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(4), "10:00");
        String[] citizen = Fixtures.citizen();
        String stranger = Fixtures.citizen()[1];
        Map<String, String> ended = Map.of(
                "REFUSED", DossierFeed.knownDossierOf(citizen[0]),
                "WITHDRAWN", DossierFeed.knownDossierOf(citizen[0]),
                "STOPPED", DossierFeed.knownDossierOf(citizen[0]),
                "RETURNED", DossierFeed.knownDossierOf(citizen[0]));
        for (Map.Entry<String, String> dossier : ended.entrySet()) {
            DossierFeed.produce(ending(dossier.getKey(), dossier.getValue(), citizen[0],
                    Clock.system(CloudEventCodec.ZONE)));
        }
        DossierFeed.awaitConsumed();

        for (Map.Entry<String, String> dossier : ended.entrySet()) {
            Fixtures.holdFor(dossier.getValue(), citizen[1], point, Fixtures.PROCEDURE, start).statusCode(422)
                    .body("code", equalTo("DOSSIER_CLOSED"))
                    .body("detail", containsString(dossier.getKey()))
                    .body("violations[0].field", equalTo("dossierId"));
            Fixtures.holdFor(dossier.getValue(), stranger, point, Fixtures.PROCEDURE, start).statusCode(422)
                    .body("code", equalTo("DOSSIER_NOT_LINKABLE"));
        }
        assertThat(Fixtures.remaining(point, start)).isEqualTo(3);
    }

    @Test
    void an_older_event_arriving_late_does_not_overwrite_a_newer_status() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "14:00");
        String[] citizen = Fixtures.citizen();
        String dossierId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE).truncatedTo(ChronoUnit.SECONDS);

        DossierFeed.produce(submitted(dossierId, citizen[0], clockAt(now.minusMinutes(20))));
        DossierFeed.produce(ending("STOPPED", dossierId, citizen[0], clockAt(now)));
        // received before it was stopped, but read after: e.g. a dead letter put back on the topic later
        DossierFeed.produce(DossierFeed.event(DossierEvents.RECEIVED, dossierId, clockAt(now.minusMinutes(10)),
                new DossierEvents.Received(DossierFeed.ref(dossierId, citizen[0], "RECEIVED", 2), "BN-7",
                        now.minusMinutes(10), now.plusDays(5), "cb-001")));
        DossierFeed.awaitConsumed();

        assertThat(known(dossierId, now)).containsExactly("STOPPED", true);
        Fixtures.holdFor(dossierId, citizen[1], point, Fixtures.PROCEDURE, start).statusCode(422)
                .body("code", equalTo("DOSSIER_CLOSED"));

        // the same late event for a dossier still open does not move it back either
        String open = UUID.randomUUID().toString();
        DossierFeed.produce(submitted(open, citizen[0], clockAt(now.minusMinutes(20))));
        DossierFeed.produce(DossierFeed.event(DossierEvents.STEP_CHANGED, open, clockAt(now),
                new DossierEvents.StepChanged(DossierFeed.ref(open, citizen[0], "PROCESSING", 4), "Thẩm định", "cb-002",
                        now.plusDays(2), now)));
        DossierFeed.produce(ending("REFUSED", open, citizen[0], clockAt(now.minusMinutes(10))));
        DossierFeed.awaitConsumed();

        assertThat(known(open, now)).containsExactly("PROCESSING", true);
        Fixtures.holdFor(open, citizen[1], point, Fixtures.PROCEDURE, start).statusCode(201);
    }

    @Test
    void a_redelivered_event_changes_nothing_not_the_copy_and_not_a_booking_made_after_a_reopening() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(3), "14:30");
        String[] citizen = Fixtures.citizen();
        String dossierId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE).truncatedTo(ChronoUnit.SECONDS);
        CloudEvent submitted = submitted(dossierId, citizen[0], clockAt(now.minusMinutes(30)));
        CloudEvent refused = ending("REFUSED", dossierId, citizen[0], clockAt(now.minusMinutes(20)));
        CloudEvent reopened = DossierFeed.event(DossierEvents.REOPENED, dossierId, clockAt(now.minusMinutes(10)),
                new DossierEvents.Reopened(DossierFeed.ref(dossierId, citizen[0], "SUBMITTED", 1), "REFUSED",
                        "Tiếp nhận lại theo kết luận thanh tra", "ld-001", now.minusMinutes(10)));
        List.of(submitted, refused, reopened).forEach(DossierFeed::produce);
        DossierFeed.awaitConsumed();

        // reopened: linkable again
        String bookingId = Fixtures.bookFor(dossierId, citizen[1], point, start);
        assertThat(known(dossierId, now.minusMinutes(10))).containsExactly("SUBMITTED", true);

        // the refusal and the reopening arrive once more (the same event ids): a second refusal would cancel
        DossierFeed.produce(refused);
        DossierFeed.produce(reopened);
        DossierFeed.produce(submitted);
        DossierFeed.awaitConsumed();

        given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + bookingId).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        assertThat(known(dossierId, now.minusMinutes(10))).containsExactly("SUBMITTED", true);
        assertThat(EventLog.read(r -> r.key().equals(dossierId)
                && r.event().type().equals(AppointmentEvents.BOOKING_CANCELLED))).isEmpty();
        for (CloudEvent event : List.of(submitted, refused, reopened)) {
            assertThat(timesProcessed(event)).as(event.type()).isEqualTo(1);
        }
        assertThat(Fixtures.remaining(point, start)).isEqualTo(2);
    }

    private static CloudEvent submitted(String dossierId, String applicantId, Clock clock) {
        return DossierFeed.event(DossierEvents.SUBMITTED, dossierId, clock, new DossierEvents.Submitted(
                DossierFeed.ref(dossierId, applicantId, "SUBMITTED", 1), OffsetDateTime.now(clock), false, null));
    }

    /** An event that ends the dossier, by the status it ends in. */
    private static CloudEvent ending(String status, String dossierId, String applicantId, Clock clock) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        return switch (status) {
            case "REFUSED" -> DossierFeed.event(DossierEvents.REFUSED, dossierId, clock, new DossierEvents.Refused(
                    DossierFeed.ref(dossierId, applicantId, status, 3), "Hồ sơ không hợp lệ", at, "cb-001"));
            case "WITHDRAWN" -> DossierFeed.event(DossierEvents.WITHDRAWN, dossierId, clock,
                    new DossierEvents.Withdrawn(DossierFeed.ref(dossierId, applicantId, status, 8), "Tôi không cần nữa",
                            at));
            case "STOPPED" -> DossierFeed.event(DossierEvents.STOPPED, dossierId, clock, new DossierEvents.Stopped(
                    DossierFeed.ref(dossierId, applicantId, status, 8), "Dừng theo yêu cầu", at, "cb-002"));
            case "RETURNED" -> DossierFeed.event(DossierEvents.RETURNED, dossierId, clock, new DossierEvents.Returned(
                    DossierFeed.ref(dossierId, applicantId, status, 10), "COUNTER", at));
            default -> throw new IllegalArgumentException(status);
        };
    }

    private static Clock clockAt(OffsetDateTime time) {
        return Clock.fixed(time.toInstant(), CloudEventCodec.ZONE);
    }

    /** The problem without what differs per request (instance, request id). */
    private static Map<String, Object> problem(ExtractableResponse<Response> response) {
        Map<String, Object> body = new HashMap<>(response.jsonPath().getMap("$"));
        body.remove("requestId");
        body.remove("instance");
        return body;
    }

    /** The stored status of the dossier, and whether it is as of {@code eventTime}. */
    private List<Object> known(String dossierId, OffsetDateTime eventTime) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select status, last_event_at = ?2 from known_dossier where dossier_id = ?1")
                .setParameter(1, dossierId).setParameter(2, eventTime).getSingleResult());
        return List.of(row);
    }

    private long timesProcessed(CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, "DossierEventsHandler").setParameter(2, event.id()).getSingleResult()).longValue());
    }
}
