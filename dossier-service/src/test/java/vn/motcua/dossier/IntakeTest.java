package vn.motcua.dossier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.dossier.dossier.DossierCodes;
import vn.motcua.testing.DevTokens;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static vn.motcua.dossier.Fixtures.as;

@QuarkusTest
class IntakeTest {

    @Inject
    DossierCodes codes;

    @Test
    void documents_are_checked_stored_with_checksum_and_downloadable() throws Exception {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        byte[] bytes = "%PDF-1.4 giấy chứng sinh".getBytes("UTF-8");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String location = as(citizen).body(Map.of("requiredDocumentCode", "GCS", "fileName", "giấy chứng sinh.pdf",
                        "contentType", "application/pdf", "contentBase64", Base64.getEncoder().encodeToString(bytes)))
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201)
                .body("sha256", equalTo(sha)).body("sizeBytes", equalTo(bytes.length)).body("kind", equalTo("APPLICATION"))
                .body("fileName", equalTo("giấy chứng sinh.pdf")).extract().header("Location");
        byte[] downloaded = as(citizen).get(location).then().statusCode(200)
                .header("X-Content-SHA256", sha).contentType("application/pdf").extract().asByteArray();
        assertThat(downloaded).isEqualTo(bytes);
        as(Fixtures.citizen(Fixtures.unique("cd"))).get(location).then().statusCode(404);
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(1)).body("documents[0].sha256", equalTo(sha));

        // bad input
        Fixtures.upload(citizen, id, "XYZ").statusCode(422).body("code", equalTo("DOCUMENT_TYPE_NOT_ACCEPTED"))
                .body("violations[0].field", equalTo("requiredDocumentCode"));
        as(citizen).body(Map.of("requiredDocumentCode", "GCS", "fileName", "a.exe", "contentType", "application/x-msdownload",
                        "contentBase64", Fixtures.PDF)).post("/api/v1/dossiers/" + id + "/documents").then().statusCode(422)
                .body("code", equalTo("DOCUMENT_TYPE_NOT_ACCEPTED")).body("violations[0].field", equalTo("contentType"));
        as(citizen).body(Map.of("requiredDocumentCode", "GCS", "fileName", "a.pdf", "contentType", "application/pdf",
                        "contentBase64", "@@not base64@@")).post("/api/v1/dossiers/" + id + "/documents").then().statusCode(400)
                .body("violations[0].field", equalTo("contentBase64"));
        as(citizen).body(Map.of("requiredDocumentCode", "GCS", "fileName", "../../etc/passwd", "contentType", "application/pdf",
                "contentBase64", Fixtures.PDF)).post("/api/v1/dossiers/" + id + "/documents").then().statusCode(400);
    }

    @Test
    void oversize_upload_is_refused_with_413() {
        String code = "1.7" + String.format("%05d", (int) (Math.random() * 99999));
        as(DevTokens.admin("ad-1")).body(Fixtures.map("code", code, "name", "Thủ tục giới hạn dung lượng", "sector", "Thử nghiệm",
                "agencyLevel", "COMMUNE", "agencyCode", "000.00.12.H29", "onlineLevel", "FULL", "processingDays", 1,
                "inPersonRequired", false, "returnMethods", List.of("ELECTRONIC"), "fees", List.of(),
                "requiredDocuments", List.of(Map.of("code", "TK", "name", "Tờ khai", "mandatory", true,
                        "acceptedContentTypes", List.of("application/pdf"), "maxSizeBytes", 1024))))
                .post("/api/v1/procedures").then().statusCode(201);
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, code);
        as(citizen).body(Map.of("requiredDocumentCode", "TK", "fileName", "big.pdf", "contentType", "application/pdf",
                        "contentBase64", Base64.getEncoder().encodeToString(new byte[4096])))
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("DOCUMENT_TOO_LARGE"));
        as(citizen).body(Map.of("requiredDocumentCode", "TK", "fileName", "ok.pdf", "contentType", "application/pdf",
                        "contentBase64", Base64.getEncoder().encodeToString(new byte[1000])))
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201);
    }

    @Test
    void submit_checks_mandatory_documents_and_gives_a_code() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(422)
                .body("code", equalTo("MISSING_DOCUMENTS")).body("violations.field", hasItem("documents.GCS"));
        Fixtures.upload(citizen, id, "GCS").statusCode(201);
        as(citizen).body("{\"version\":99}").post("/api/v1/dossiers/" + id + "/submit").then().statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT"));
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("portalStatus", equalTo(1))
                .body("code", matchesPattern("000\\.00\\.12\\.H29-" + today + "-\\d{4}"))
                .body("submittedAt", notNullValue()).body("trackingSecret", notNullValue());
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(409)
                .body("code", equalTo("ILLEGAL_TRANSITION")).body("detail", org.hamcrest.Matchers.containsString("is SUBMITTED"));
        Fixtures.upload(citizen, id, "UQ").statusCode(409);
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Submitted submitted = CloudEventCodec.dataAs(CloudEventCodec.read(
                    topic.await(id, DossierEvents.SUBMITTED).value().getBytes()), DossierEvents.Submitted.class);
            assertThat(submitted.feeRequired()).isFalse();
            assertThat(submitted.dossier().status()).isEqualTo("SUBMITTED");
            assertThat(submitted.dossier().portalStatus()).isEqualTo(1);
            assertThat(submitted.dossier().dossierCode()).startsWith("000.00.12.H29-");
            assertThat(submitted.pickupAddress()).isNull();
        }
    }

    @Test
    void a_fee_means_awaiting_payment_and_a_payment_required_event() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        Map<String, Object> address = Map.of("recipientName", "Nguyễn Văn An", "phone", "0912345678",
                "street", "Số 1 phố Điện Biên Phủ", "communeCode", "00004", "provinceCode", "01");
        String id = as(citizen).body(Map.of("procedureCode", Fixtures.JUDICIAL_RECORD, "channel", "ONLINE",
                "returnMethod", "POST", "deliveryAddress", address)).post("/api/v1/dossiers").then().statusCode(201)
                .extract().path("id");
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        Fixtures.upload(citizen, id, "CCCD").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT")).body("portalStatus", equalTo(6)).body("feeTotalVnd", equalTo(200000));
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.PaymentRequired required = CloudEventCodec.dataAs(CloudEventCodec.read(
                    topic.await(id, DossierEvents.PAYMENT_REQUIRED).value().getBytes()), DossierEvents.PaymentRequired.class);
            assertThat(required.totalVnd()).isEqualTo(200000);
            assertThat(required.fees()).hasSize(1);
            assertThat(required.fees().get(0).amountVnd()).isEqualTo(200000);
            assertThat(required.online()).isTrue();
            assertThat(required.deliveryAddress().communeCode()).isEqualTo("00004");
            assertThat(required.deliveryAddress().provinceName()).isEqualTo("Thành phố Hà Nội");
            assertThat(required.dossier().status()).isEqualTo("AWAITING_PAYMENT");
            assertThat(required.dossier().portalStatus()).isEqualTo(6);
            assertThat(required.dossier().agencyCode()).isEqualTo("000.21.27.H29");
            assertThat(required.dossier().applicant().phone()).isEqualTo("0912345678");
            assertThat(topic.typesFor(id)).containsSubsequence(DossierEvents.DRAFT_CREATED, DossierEvents.SUBMITTED,
                    DossierEvents.PAYMENT_REQUIRED);
        }
        // unpaid: the agency cannot receive it yet
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).body("{}").post("/api/v1/dossiers/" + id + "/receive").then()
                .statusCode(409).body("code", equalTo("ILLEGAL_TRANSITION")).body("detail", org.hamcrest.Matchers.containsString("AWAITING_PAYMENT"));
    }

    @Test
    void codes_are_unique_under_many_threads_against_the_real_database() throws Exception {
        String agency = "000.00.12.H29";
        LocalDate day = LocalDate.of(2001, 1, (int) (Math.random() * 28) + 1).plusYears((long) (Math.random() * 20));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                futures.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> codes.next(agency, day))));
            }
            List<String> all = new ArrayList<>();
            for (Future<String> future : futures) {
                all.add(future.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(240);
            String prefix = agency + "-" + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "-";
            assertThat(all).allMatch(c -> c.startsWith(prefix));
            assertThat(all.stream().map(c -> Integer.parseInt(c.substring(prefix.length()))).sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 240).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_portal_submits_on_a_citizens_behalf_and_sees_only_forwarded_dossiers() {
        String portalCode = Fixtures.unique("G22.99-PORTAL");
        String applicant = Fixtures.unique("cd");
        Map<String, Object> body = Map.of("portalDossierCode", portalCode, "procedureCode", Fixtures.BIRTH,
                "applicant", Map.of("id", applicant, "fullName", "Trần Thị Bình", "email", "binh@example.vn", "phone", "0987654321"),
                "returnMethod", "ELECTRONIC",
                "documents", List.of(
                        Map.of("requiredDocumentCode", "TK", "fileName", "tk.pdf", "contentType", "application/pdf", "contentBase64", Fixtures.PDF),
                        Map.of("requiredDocumentCode", "GCS", "fileName", "gcs.pdf", "contentType", "application/pdf", "contentBase64", Fixtures.PDF)));
        as(Fixtures.citizen(applicant)).body(body).post("/api/v1/dossiers/portal-submissions").then().statusCode(403);
        String id = as(Fixtures.portal()).body(body).post("/api/v1/dossiers/portal-submissions").then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("portalDossierCode", equalTo(portalCode))
                .body("applicant.fullName", equalTo("Trần Thị Bình")).body("documents", hasSize(2))
                .extract().path("id");
        as(Fixtures.portal()).body(body).post("/api/v1/dossiers/portal-submissions").then().statusCode(409)
                .body("code", equalTo("PORTAL_DOSSIER_EXISTS"));
        as(Fixtures.portal()).get("/api/v1/dossiers/" + id).then().statusCode(200);
        as(Fixtures.citizen(applicant)).get("/api/v1/dossiers/" + id).then().statusCode(200);
        String ownDraft = Fixtures.draft(Fixtures.citizen(Fixtures.unique("cd")), Fixtures.BIRTH);
        as(Fixtures.portal()).get("/api/v1/dossiers/" + ownDraft).then().statusCode(404);
        as(DevTokens.admin("ad-1")).get("/api/v1/dossiers/" + id + "/audit").then().statusCode(200)
                .body("[0].onBehalfOf", equalTo(applicant)).body("[0].actorRole", equalTo("portal"));
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Submitted submitted = CloudEventCodec.dataAs(CloudEventCodec.read(
                    topic.await(id, DossierEvents.SUBMITTED).value().getBytes()), DossierEvents.Submitted.class);
            assertThat(submitted.dossier().portalDossierCode()).isEqualTo(portalCode);
            assertThat(submitted.dossier().applicant().id()).isEqualTo(applicant);
        }
        Map<String, Object> missing = new java.util.HashMap<>(body);
        missing.put("portalDossierCode", Fixtures.unique("G22"));
        missing.put("documents", List.of());
        as(Fixtures.portal()).body(missing).post("/api/v1/dossiers/portal-submissions").then().statusCode(422)
                .body("code", equalTo("MISSING_DOCUMENTS"));
    }

    @Test
    void an_officer_files_a_walk_in_dossier_at_the_counter_of_their_own_agency() {
        String applicant = Fixtures.unique("cd");
        Map<String, Object> body = Map.of("procedureCode", Fixtures.BIRTH,
                "applicant", Map.of("id", applicant, "fullName", "Lê Văn Cường", "phone", "0911222333"),
                "returnMethod", "COUNTER",
                "documents", List.of(
                        Map.of("requiredDocumentCode", "TK", "fileName", "tk.pdf", "contentType", "application/pdf", "contentBase64", Fixtures.PDF),
                        Map.of("requiredDocumentCode", "GCS", "fileName", "gcs.pdf", "contentType", "application/pdf", "contentBase64", Fixtures.PDF)));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String id = as(officer).body(body).post("/api/v1/dossiers/counter-submissions").then().statusCode(201)
                .body("channel", equalTo("COUNTER")).body("status", equalTo("SUBMITTED"))
                .body("applicant.fullName", equalTo("Lê Văn Cường")).extract().path("id");
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(200);
        as(Fixtures.citizen(applicant)).get("/api/v1/dossiers/" + id).then().statusCode(200);
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).body(body).post("/api/v1/dossiers/counter-submissions").then()
                .statusCode(422).body("code", equalTo("PROCEDURE_OF_ANOTHER_AGENCY"));
        as(Fixtures.citizen(applicant)).body(body).post("/api/v1/dossiers/counter-submissions").then().statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(body)
                .post("/api/v1/dossiers/counter-submissions").then().statusCode(401);
    }
}
