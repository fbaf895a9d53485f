package vn.motcua.notification.preference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PreferencesTest {

    private static final String BASE = "/api/v1/notifications/preferences";

    @Test
    void a_citizen_switches_channels_off_per_category_but_mandatory_notices_still_reach_the_inbox() {
        String citizen = Events.unique("cd");
        String token = DevTokens.citizen(citizen);
        given().auth().oauth2(token).get(BASE).then().statusCode(200)
                .body("size()", equalTo(4)).body("find { it.category == 'DOSSIER' }.sms", equalTo(true));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", false, "sms", false, "inApp", false))
                .put(BASE + "/dossier").then().statusCode(200).body("category", equalTo("DOSSIER"));
        given().auth().oauth2(token).get(BASE).then().body("find { it.category == 'DOSSIER' }.inApp", equalTo(false))
                .body("find { it.category == 'PAYMENT' }.email", equalTo(true));

        var applicant = Events.citizen(citizen, citizen + "@example.vn", Admin.randomMobile(), "vi");
        String quiet = Events.unique("dossier");
        CloudEvent received = Events.send(Topics.DOSSIER, quiet, DossierEvents.RECEIVED, new DossierEvents.Received(
                Events.dossier(quiet, applicant, "RECEIVED", 2), "BN-1", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
        String refusedId = Events.unique("dossier");
        // same key as the first event: one partition, so the first is handled before the second
        CloudEvent refused = Events.send(Topics.DOSSIER, quiet, DossierEvents.REFUSED, new DossierEvents.Refused(
                Events.dossier(refusedId, applicant, "REFUSED", 3), "Hồ sơ không thuộc thẩm quyền", Events.now(), "cb-001"));

        // the refusal is mandatory: it reaches the inbox although the citizen switched the inbox off
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(Admin.statusOf(refused.id(), "IN_APP")));
        assertThat(Admin.messagesOf(refused.id())).extracting(m -> m.get("channel")).containsExactly("IN_APP");
        assertThat(Admin.messageOf(refused.id(), "IN_APP").get("mandatory")).isEqualTo(true);
        // the ordinary notice of the same category produced nothing at all
        assertThat(Admin.messagesOf(received.id())).isEmpty();
        given().auth().oauth2(token).get("/api/v1/notifications/inbox").then()
                .body("total", equalTo(1)).body("items[0].mandatory", equalTo(true))
                .body("items[0].body", org.hamcrest.Matchers.containsString("Hồ sơ không thuộc thẩm quyền"));
    }

    @Test
    void bad_choices_and_other_roles_are_refused() {
        String token = DevTokens.citizen(Events.unique("cd"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", true, "sms", true, "inApp", true))
                .put(BASE + "/weather").then().statusCode(400).body("violations[0].field", equalTo("category"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", true, "sms", true, "inApp", true))
                .put(BASE + "/agency").then().statusCode(400);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", true))
                .put(BASE + "/payment").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"email\": \"yes\", \"sms\": true, \"inApp\": true}")
                .put(BASE + "/payment").then().statusCode(400);
        given().get(BASE).then().statusCode(401);
        given().auth().oauth2(DevTokens.officer("cb-001", "000.00.12.H29")).get(BASE).then().statusCode(403);
    }
}
