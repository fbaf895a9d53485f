package vn.motcua.appointment.booking;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.DossierFeed;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.appointment.support.TestClock;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.appointment.support.Fixtures.at;

/**
 * dossier-service's REFUSED, WITHDRAWN and STOPPED, produced for real to {@code dossier.events}, and their effect on
 * the bookings linked to the dossier: cancelled with a reason and a code, seat released, booking-cancelled emitted;
 * exactly once however often the event arrives; checked-in bookings and other dossiers untouched; poison to the DLQ.
 */
@QuarkusTest
class DossierEndedTest {

    private static final String BOOKINGS = "/api/v1/appointments/bookings";
    private static final String GROUP = "appointment-service";
    private static final String REFUSAL = "Thành phần hồ sơ không đúng quy định";

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    private static CloudEvent refused(String dossierId, String applicantId) {
        return CloudEventCodec.create("/dossier-service", DossierEvents.REFUSED, dossierId, new DossierEvents.Refused(
                DossierFeed.ref(dossierId, applicantId, "REFUSED", 3), REFUSAL, OffsetDateTime.now(), "cb-001"));
    }

    private static CloudEvent withdrawn(String dossierId, String applicantId) {
        return CloudEventCodec.create("/dossier-service", DossierEvents.WITHDRAWN, dossierId, new DossierEvents.Withdrawn(
                DossierFeed.ref(dossierId, applicantId, "WITHDRAWN", 8), "Tôi đã nộp hồ sơ ở nơi khác",
                OffsetDateTime.now()));
    }

    private static CloudEvent stopped(String dossierId, String applicantId) {
        return CloudEventCodec.create("/dossier-service", DossierEvents.STOPPED, dossierId, new DossierEvents.Stopped(
                DossierFeed.ref(dossierId, applicantId, "STOPPED", 8), "Cơ quan có thẩm quyền yêu cầu dừng",
                OffsetDateTime.now(), "cb-002"));
    }

    private static void produce(String key, CloudEvent event) {
        KafkaResource.send(Topics.DOSSIER, key, CloudEventCodec.write(event));
    }

    private static List<EventLog.Received> cancellations(String key) {
        return EventLog.read(r -> r.key().equals(key) && r.event().type().equals(AppointmentEvents.BOOKING_CANCELLED));
    }

    @Test
    void a_refused_dossier_cancels_its_confirmed_booking_and_releases_the_seat_once_however_often_the_event_arrives() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "09:00");
        String[] citizen = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(citizen[0]);
        String bookingId = Fixtures.bookFor(dossierId, citizen[1], point, start);
        String[] other = Fixtures.citizen();
        String otherDossier = DossierFeed.knownDossierOf(other[0]);
        String otherBooking = Fixtures.bookFor(otherDossier, other[1], point, start);
        assertThat(Fixtures.remaining(point, start)).isEqualTo(1);

        CloudEvent refused = refused(dossierId, citizen[0]);
        produce(dossierId, refused);
        produce(dossierId, refused); // redelivered: the same event id
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);

        given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + bookingId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReasonCode", equalTo("DOSSIER_REFUSED"))
                .body("cancelReason", containsString("000.00.12.H29-261123-0042"))
                .body("cancelReason", containsString("không được tiếp nhận"))
                .body("cancelReason", containsString(REFUSAL));
        given().auth().oauth2(Fixtures.officer()).when().get(BOOKINGS + "/" + otherBooking).then()
                .body("status", equalTo("CONFIRMED"));
        assertThat(Fixtures.remaining(point, start)).isEqualTo(2);

        List<EventLog.Received> events = EventLog.await(dossierId, AppointmentEvents.BOOKING_CANCELLED, 1);
        assertThat(events).hasSize(1);
        CloudEvent event = events.get(0).event();
        AppointmentEvents.BookingCancelled cancelled = CloudEventCodec.dataAs(event, AppointmentEvents.BookingCancelled.class);
        assertThat(cancelled.booking().bookingId()).isEqualTo(bookingId);
        assertThat(cancelled.booking().dossierId()).isEqualTo(dossierId);
        assertThat(cancelled.booking().status()).isEqualTo("CANCELLED");
        assertThat(cancelled.booking().citizen().id()).isEqualTo(citizen[0]);
        assertThat(cancelled.reason()).contains(REFUSAL);
        assertThat(cancelled.cancelledBy()).isEqualTo("cb-001");
        assertThat(cancelled.suspensionId()).isNull();
        assertThat(event.data().path("reasonCode").asText()).isEqualTo("DOSSIER_REFUSED");

        // a later ending of the same dossier (another event id) finds nothing active: no second cancellation
        produce(dossierId, stopped(dossierId, citizen[0]));
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);
        assertThat(cancellations(dossierId)).hasSize(1);
        given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + bookingId).then()
                .body("cancelReasonCode", equalTo("DOSSIER_REFUSED"));
        assertThat(Fixtures.remaining(point, start)).isEqualTo(2);
    }

    @Test
    void a_withdrawn_dossier_cancels_held_and_confirmed_bookings_but_only_the_announced_one_is_an_event() {
        String point = Fixtures.servicePoint(3, 0);
        LocalDate day = Fixtures.workingDay(3);
        String[] citizen = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(citizen[0]);
        String confirmed = Fixtures.bookFor(dossierId, citizen[1], point, at(day, "09:00"));
        String held = Fixtures.holdFor(dossierId, citizen[1], point, Fixtures.OTHER_PROCEDURE, at(day, "10:00"))
                .statusCode(201).extract().path("id");

        produce(dossierId, withdrawn(dossierId, citizen[0]));
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);

        for (String id : List.of(confirmed, held)) {
            given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + id).then()
                    .body("status", equalTo("CANCELLED")).body("cancelReasonCode", equalTo("DOSSIER_WITHDRAWN"))
                    .body("cancelReason", containsString("đã được rút"));
        }
        assertThat(Fixtures.remaining(point, at(day, "09:00"))).isEqualTo(3);
        // a hold was never announced (booking-created comes with the confirmation), so its end is not either
        List<EventLog.Received> events = EventLog.await(dossierId, AppointmentEvents.BOOKING_CANCELLED, 1);
        assertThat(events).hasSize(1);
        AppointmentEvents.BookingCancelled cancelled = CloudEventCodec.dataAs(events.get(0).event(), AppointmentEvents.BookingCancelled.class);
        assertThat(cancelled.booking().bookingId()).isEqualTo(confirmed);
        assertThat(cancelled.cancelledBy()).isEqualTo(DossierEventsHandler.ACTOR);
        // the citizen can book again for the procedures the withdrawn dossier had taken
        Fixtures.hold(citizen[1], point, at(day, "09:00")).statusCode(201);
    }

    @Test
    void a_checked_in_booking_is_left_alone_and_events_of_other_dossiers_or_types_change_nothing() {
        String point = Fixtures.servicePoint(3, 0);
        LocalDate day = Fixtures.workingDay(1);
        OffsetDateTime start = at(day, "14:00");
        String[] arrived = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(arrived[0]);
        String checkedIn = Fixtures.bookFor(dossierId, arrived[1], point, start);
        TestClock.travelTo(at(day, "13:40"));
        given().auth().oauth2(arrived[1]).when().post(BOOKINGS + "/" + checkedIn + "/check-in").then().statusCode(201);
        TestClock.reset();
        String[] waiting = Fixtures.citizen();
        String otherDossier = DossierFeed.knownDossierOf(waiting[0]);
        String untouched = Fixtures.bookFor(otherDossier, waiting[1], point, start);
        String unlinked = Fixtures.book(Fixtures.citizen()[1], point, start);

        produce(dossierId, stopped(dossierId, arrived[0]));
        // types that do not end the dossier (they only update this service's copy of it), for the dossier that does
        // have an active booking
        produce(otherDossier, CloudEventCodec.create("/dossier-service", DossierEvents.WITHDRAWAL_REQUESTED, otherDossier,
                new DossierEvents.WithdrawalRequested(
                        DossierFeed.ref(otherDossier, waiting[0], "WITHDRAWAL_REQUESTED", 7), "Xin rút",
                        OffsetDateTime.now())));
        produce(otherDossier, CloudEventCodec.create("/dossier-service", DossierEvents.RECEIVED, otherDossier,
                new DossierEvents.Received(DossierFeed.ref(otherDossier, waiting[0], "RECEIVED", 2), "BN-1",
                        OffsetDateTime.now(), OffsetDateTime.now().plusDays(5), "cb-001")));
        // a dossier nobody booked for
        String nobody = UUID.randomUUID().toString();
        produce(nobody, refused(nobody, Fixtures.citizen()[0]));
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);

        given().auth().oauth2(arrived[1]).when().get(BOOKINGS + "/" + checkedIn).then().body("status", equalTo("CHECKED_IN"));
        given().auth().oauth2(waiting[1]).when().get(BOOKINGS + "/" + untouched).then().body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(Fixtures.officer()).when().get(BOOKINGS + "/" + unlinked).then().body("status", equalTo("CONFIRMED"));
        assertThat(Fixtures.remaining(point, start)).isZero();
        assertThat(cancellations(dossierId)).isEmpty();
        assertThat(cancellations(otherDossier)).isEmpty();
    }

    @Test
    void malformed_events_go_to_the_dead_letter_topic_and_the_next_event_is_handled() {
        String point = Fixtures.servicePoint(3, 0);
        OffsetDateTime start = at(Fixtures.workingDay(4), "09:30");
        String[] citizen = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(citizen[0]);
        String bookingId = Fixtures.bookFor(dossierId, citizen[1], point, start);

        // not a CloudEvent at all; a REFUSED whose data breaks the contract; a REFUSED naming no dossier
        KafkaResource.send(Topics.DOSSIER, dossierId, "{\"hồ sơ\": ".getBytes(StandardCharsets.UTF_8));
        CloudEvent brokenData = new CloudEvent("1.0", UUID.randomUUID().toString(), "/dossier-service", DossierEvents.REFUSED,
                dossierId, OffsetDateTime.now(), "application/json",
                CloudEventCodec.mapper().valueToTree(Map.of("dossier", List.of("không phải một hồ sơ"))));
        produce(dossierId, brokenData);
        CloudEvent noDossier = CloudEventCodec.create("/dossier-service", DossierEvents.REFUSED, dossierId,
                new DossierEvents.Refused(null, REFUSAL, OffsetDateTime.now(), "cb-001"));
        produce(dossierId, noDossier);
        // behind them in the same partition: a good event, which must not be blocked
        produce(dossierId, refused(dossierId, citizen[0]));
        EventLog.awaitConsumed(GROUP, Topics.DOSSIER);

        given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + bookingId).then()
                .body("status", equalTo("CANCELLED")).body("cancelReasonCode", equalTo("DOSSIER_REFUSED"));
        List<ConsumerRecord<String, byte[]>> dead = EventLog.records(Topics.deadLetterOf(Topics.DOSSIER)).stream()
                .filter(r -> dossierId.equals(r.key())).toList();
        assertThat(dead).hasSize(3);
        assertThat(header(dead.get(0), "dlq-handler")).isEqualTo("envelope");
        assertThat(new String(dead.get(1).value(), StandardCharsets.UTF_8)).contains(brokenData.id());
        assertThat(header(dead.get(1), "dlq-handler")).isEqualTo("DossierEventsHandler");
        assertThat(header(dead.get(1), "dlq-attempts")).isEqualTo("1");
        assertThat(new String(dead.get(2).value(), StandardCharsets.UTF_8)).contains(noDossier.id());
        assertThat(header(dead.get(2), "dlq-reason")).contains("names no dossier");
        assertThat(header(dead.get(2), "dlq-original-topic")).isEqualTo(Topics.DOSSIER);
        assertThat(cancellations(dossierId)).hasSize(1);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
