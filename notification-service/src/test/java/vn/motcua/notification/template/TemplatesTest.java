package vn.motcua.notification.template;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.OutsideSystems;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class TemplatesTest {

    private static final String BASE = "/api/v1/notifications/admin/templates";

    @Test
    void every_template_exists_in_vietnamese_and_english_with_its_fields() {
        given().auth().oauth2(Admin.token()).get(BASE).then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(72))
                .body("code", hasItem("dossier.received"));
        given().auth().oauth2(Admin.token()).get(BASE + "/dossier.received/en").then().statusCode(200)
                .body("language", equalTo("en")).body("eventType", equalTo("vn.motcua.dossier.received.v1"))
                .body("fields", hasItem("dueDate")).body("title", containsString("{{dossierCode}}"));
        given().auth().oauth2(Admin.token()).get(BASE + "/dossier.exploded/vi").then().statusCode(404);
    }

    @Test
    void an_unknown_or_malformed_field_is_refused_at_save() {
        Map<String, Object> current = given().auth().oauth2(Admin.token()).get(BASE + "/payment.expired/vi").then()
                .extract().jsonPath().getMap("");
        int version = (Integer) current.get("version");
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Hết hạn {{dossierCode}}", "body", "Kính gửi {{name}}, mã {{bookingCode}}",
                        "smsText", "MOTCUA", "version", version))
                .put(BASE + "/payment.expired/vi").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("TEMPLATE_UNKNOWN_FIELD"))
                .body("violations[0].field", equalTo("body"))
                .body("violations[0].message", containsString("bookingCode"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Hết hạn {{dossierCode", "body", "x", "smsText", "y", "version", version))
                .put(BASE + "/payment.expired/vi").then().statusCode(422).body("code", equalTo("TEMPLATE_MALFORMED"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Hết hạn {{ }}", "body", "x", "smsText", "y", "version", version))
                .put(BASE + "/payment.expired/vi").then().statusCode(422).body("code", equalTo("TEMPLATE_MALFORMED"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "", "body", "x", "smsText", "y", "version", version))
                .put(BASE + "/payment.expired/vi").then().statusCode(400);
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "t", "body", "x", "smsText", "y"))
                .put(BASE + "/payment.expired/vi").then().statusCode(400).body("violations[0].field", equalTo("version"));
        // nothing was saved
        given().auth().oauth2(Admin.token()).get(BASE + "/payment.expired/vi").then().body("version", equalTo(version));
    }

    @Test
    void an_edit_saves_a_new_version_which_the_next_messages_record() {
        String code = "payment.requested";
        int version = given().auth().oauth2(Admin.token()).get(BASE + "/" + code + "/vi").then().extract().path("version");
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Mời thanh toán {{amount}} — hồ sơ {{dossierCode}}",
                        "body", "Kính gửi {{name}}, vui lòng thanh toán {{amount}} trước {{expiresAt}}.",
                        "smsText", "MOTCUA: thanh toan {{amount}} truoc {{expiresAt}}", "version", version))
                .put(BASE + "/" + code + "/vi").then().statusCode(200)
                .body("version", equalTo(version + 1)).body("updatedBy", equalTo("ad-test"));
        // the same stale version again is a conflict
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "x {{amount}}", "body", "y", "smsText", "z", "version", version))
                .put(BASE + "/" + code + "/vi").then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(Admin.token()).get(BASE + "/" + code + "/vi/revisions").then().statusCode(200)
                .body("[0].version", equalTo(version + 1)).body("[1].version", equalTo(version));

        String citizen = Events.unique("cd");
        String email = citizen + "@example.vn";
        String dossierId = Events.unique("dossier");
        var payment = new PaymentEvents.PaymentRef(Events.unique("pay"), dossierId, "000.21.27.H29-261123-0007",
                "000.21.27.H29", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                Events.citizen(citizen, email, null, "vi"), 200_000L,
                List.of(new FeeLine("LP", "Lệ phí cấp Phiếu lý lịch tư pháp", 200_000L)), "REQUESTED");
        CloudEvent event = Events.send(Topics.PAYMENT, dossierId, PaymentEvents.REQUESTED,
                new PaymentEvents.Requested(payment, Events.now().plusDays(1), Events.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> !OutsideSystems.smtp().mailsTo(email).isEmpty());
        assertThat(OutsideSystems.smtp().mailsTo(email).get(0).subject())
                .isEqualTo("Mời thanh toán 200.000 đ — hồ sơ 000.21.27.H29-261123-0007");
        assertThat(Admin.messageOf(event.id(), "EMAIL").get("templateVersion")).isEqualTo(version + 1);
        assertThat(Admin.messageOf(event.id(), "IN_APP").get("templateVersion")).isEqualTo(version + 1);
    }

    @Test
    void preview_renders_sample_values_or_given_ones() {
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).body("{}")
                .post(BASE + "/dossier.received/vi/preview").then().statusCode(200)
                .body("title", containsString("000.00.12.H29-261123-0001"))
                .body("body", containsString("Nguyễn Văn An"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "Hồ sơ {{dossierCode}} của {{name}}", "fields", Map.of("name", "Trần Thị Bình")))
                .post(BASE + "/dossier.received/vi/preview").then().statusCode(200)
                .body("title", equalTo("Hồ sơ 000.00.12.H29-261123-0001 của Trần Thị Bình"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("title", "{{trackingNumber}}"))
                .post(BASE + "/dossier.received/vi/preview").then().statusCode(422).body("code", equalTo("TEMPLATE_UNKNOWN_FIELD"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("fields", Map.of("name", "")))
                .post(BASE + "/dossier.received/vi/preview").then().statusCode(422).body("code", equalTo("TEMPLATE_MISSING_VALUE"));
    }

    @Test
    void only_admins_manage_templates() {
        given().get(BASE).then().statusCode(401);
        given().auth().oauth2(DevTokens.citizen("cd-001")).get(BASE).then().statusCode(403);
        given().auth().oauth2(DevTokens.officer("cb-001", "000.00.12.H29")).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "body", "y", "smsText", "z", "version", 1))
                .put(BASE + "/dossier.received/vi").then().statusCode(403);
    }
}
