package vn.motcua.notification.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.Notifier;
import vn.motcua.notification.support.Events;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class InboxTest {

    @Inject
    Notifier notifier;

    private static CloudEvent draftCreated(String citizenId, String dossierId) {
        var dossier = Events.dossier(dossierId, Events.citizen(citizenId), "DRAFT", 0);
        return Events.send(Topics.DOSSIER, dossierId, DossierEvents.DRAFT_CREATED,
                new DossierEvents.DraftCreated(dossier, Events.now()));
    }

    private static int unread(String token) {
        return given().auth().oauth2(token).get("/api/v1/notifications/inbox/unread-count")
                .then().statusCode(200).extract().path("unread");
    }

    @Test
    void a_draft_created_event_becomes_an_inbox_notification_naming_the_procedure() {
        String citizen = Events.unique("cd");
        String dossierId = Events.unique("dossier");
        String token = DevTokens.citizen(citizen);
        CloudEvent event = draftCreated(citizen, dossierId);

        await().atMost(Duration.ofSeconds(20)).until(() -> unread(token) == 1);
        String id = given().auth().oauth2(token).get("/api/v1/notifications/inbox?page=0&size=10").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(0)).body("size", equalTo(10)).body("total", equalTo(1))
                .body("items[0].title", containsString("Đăng ký khai sinh"))
                .body("items[0].body", containsString("Nguyễn Văn An"))
                .body("items[0].dossierId", equalTo(dossierId))
                .body("items[0].eventType", equalTo(DossierEvents.DRAFT_CREATED))
                .body("items[0].read", equalTo(false))
                .body("items[0].createdAt", containsString("+07:00"))
                .extract().path("items[0].id");

        given().auth().oauth2(token).post("/api/v1/notifications/inbox/" + id + "/read").then().statusCode(200)
                .body("read", equalTo(true));
        assertThat(unread(token)).isZero();
        // idempotent
        given().auth().oauth2(token).post("/api/v1/notifications/inbox/" + id + "/read").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/notifications/inbox?unread=true").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        assertThat(event.id()).isNotBlank();
    }

    @Test
    void a_redelivered_event_yields_one_notification() {
        String citizen = Events.unique("cd");
        String dossierId = Events.unique("dossier");
        String token = DevTokens.citizen(citizen);
        CloudEvent event = draftCreated(citizen, dossierId);
        Events.send(Topics.DOSSIER, dossierId, event); // the same event id again, as a redelivery would
        Events.send(Topics.DOSSIER, dossierId, event);
        // a later event of the same partition proves that the duplicates were consumed before it
        String marker = Events.unique("dossier");
        draftCreated(citizen, marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(token) == 2);
        given().auth().oauth2(token).get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items.dossierId", org.hamcrest.Matchers.containsInAnyOrder(dossierId, marker));
    }

    @Test
    void the_unique_constraint_holds_even_when_the_consumer_ledger_is_bypassed() {
        // a second instance that raced past the ledger would call the notifier again for the same event
        String citizen = Events.unique("cd");
        String dossierId = Events.unique("dossier");
        var dossier = Events.dossier(dossierId, Events.citizen(citizen), "DRAFT", 0);
        CloudEvent event = vn.motcua.contracts.events.CloudEventCodec.create("/test", DossierEvents.DRAFT_CREATED,
                dossierId, new DossierEvents.DraftCreated(dossier, Events.now()));
        int first = QuarkusTransaction.requiringNew().call(() -> notifier.notify(event));
        int second = QuarkusTransaction.requiringNew().call(() -> notifier.notify(event));
        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        List<NotificationMessage> rows = QuarkusTransaction.requiringNew().call(() ->
                NotificationMessage.<NotificationMessage>list("sourceEventId", event.id()));
        assertThat(rows).hasSize(1);
    }

    @Test
    void only_the_recipient_sees_or_marks_a_notification() {
        String citizen = Events.unique("cd");
        String token = DevTokens.citizen(citizen);
        draftCreated(citizen, Events.unique("dossier"));
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(token) == 1);
        String id = given().auth().oauth2(token).get("/api/v1/notifications/inbox").then().extract().path("items[0].id");

        String other = DevTokens.citizen(Events.unique("cd"));
        given().auth().oauth2(other).get("/api/v1/notifications/inbox").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(other).post("/api/v1/notifications/inbox/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(other).post("/api/v1/notifications/inbox/not-a-uuid/read").then().statusCode(404);
        assertThat(unread(token)).isEqualTo(1);

        given().get("/api/v1/notifications/inbox").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/notifications/inbox/unread-count").then().statusCode(401);
        given().post("/api/v1/notifications/inbox/" + id + "/read").then().statusCode(401);
        given().auth().oauth2(DevTokens.admin("ad-1")).get("/api/v1/notifications/inbox").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(DevTokens.subject("vnpost", "postal-operator").sign())
                .get("/api/v1/notifications/inbox/unread-count").then().statusCode(403);
        given().auth().oauth2(DevTokens.citizen(citizen)).get("/api/v1/notifications/inbox?size=101").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(DevTokens.citizen(citizen)).get("/api/v1/notifications/inbox?page=-1").then().statusCode(400);
        given().auth().oauth2(DevTokens.subject(citizen, "citizen").expiresIn(Duration.ofSeconds(-120)).sign())
                .get("/api/v1/notifications/inbox").then().statusCode(401);
    }

    @Test
    void an_officer_reads_the_steps_assigned_to_them() {
        String officer = Events.unique("cb");
        String dossierId = Events.unique("dossier");
        var dossier = Events.dossier(dossierId, Events.citizen(Events.unique("cd")), "PROCESSING", 4);
        Events.send(Topics.DOSSIER, dossierId, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(dossier,
                "Thẩm định", officer, Events.now().plusDays(1), Events.now()));
        String token = DevTokens.officer(officer, "000.00.12.H29");
        await().atMost(Duration.ofSeconds(20)).until(() -> unread(token) == 1);
        given().auth().oauth2(token).contentType(ContentType.JSON).get("/api/v1/notifications/inbox").then()
                .body("items[0].title", containsString("Được giao xử lý hồ sơ"))
                .body("items[0].body", containsString("Thẩm định"));
    }
}
