package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import vn.motcua.testing.DevTokens;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static vn.motcua.dossier.Fixtures.as;

/** Documents uploaded as multipart/form-data, against the real database and storage. */
@QuarkusTest
class MultipartUploadTest {

    /** Like a browser: the part's filename in UTF-8 (HttpClient's strict mode would send it as US-ASCII, '?' for ấ). */
    private static RequestSpecification multipart(String token) {
        return given().config(RestAssured.config()
                        .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)))
                .auth().oauth2(token);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void a_multipart_document_is_streamed_to_storage_with_its_checksum_and_downloads_identical() throws Exception {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        // 3 MB: well above any buffer, below the procedure's 5 MB limit
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        System.arraycopy("%PDF-1.4 giấy chứng sinh".getBytes(StandardCharsets.UTF_8), 0, bytes, 0, 10);
        String sha = sha256(bytes);

        String location = multipart(citizen).multiPart("requiredDocumentCode", "GCS")
                .multiPart("file", "giấy chứng sinh.pdf", bytes, "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201)
                .header("Location", containsString("/api/v1/dossiers/" + id + "/documents/"))
                .body("sha256", equalTo(sha)).body("sizeBytes", equalTo(bytes.length))
                .body("contentType", equalTo("application/pdf")).body("fileName", equalTo("giấy chứng sinh.pdf"))
                .body("kind", equalTo("APPLICATION")).body("requiredDocumentCode", equalTo("GCS"))
                .extract().header("Location");

        byte[] downloaded = as(citizen).get(location).then().statusCode(200).header("X-Content-SHA256", sha)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(sha256(downloaded)).isEqualTo(sha);
        assertThat(downloaded).isEqualTo(bytes);
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(1))
                .body("documents[0].sha256", equalTo(sha));

        // the JSON form keeps working next to it, and both count for submission
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // the audit trail records the checksum of what was stored
        as(DevTokens.admin("ad-1")).get("/api/v1/dossiers/" + id + "/audit").then().statusCode(200)
                .body("find { it.action == 'upload-document' }.changes",
                        containsString("sha256:" + sha));
    }

    @Test
    void a_document_over_its_limit_is_refused_with_413_and_nothing_is_attached() {
        String code = "1.8" + String.format("%05d", new Random().nextInt(99999));
        as(DevTokens.admin("ad-1")).body(Fixtures.map("code", code, "name", "Thủ tục giới hạn 1 KB", "sector", "Thử nghiệm",
                "agencyLevel", "COMMUNE", "agencyCode", Fixtures.BA_DINH, "onlineLevel", "FULL", "processingDays", 1,
                "inPersonRequired", false, "returnMethods", List.of("ELECTRONIC"), "fees", List.of(),
                "requiredDocuments", List.of(Map.of("code", "TK", "name", "Tờ khai", "mandatory", true,
                        "acceptedContentTypes", List.of("application/pdf"), "maxSizeBytes", 1024))))
                .post("/api/v1/procedures").then().statusCode(201);
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, code);

        multipart(citizen).multiPart("requiredDocumentCode", "TK").multiPart("file", "to-khai.pdf", new byte[1025], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("DOCUMENT_TOO_LARGE"))
                .body("violations[0].field", equalTo("file")).body("detail", containsString("1024"));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(0));

        multipart(citizen).multiPart("requiredDocumentCode", "TK").multiPart("file", "to-khai.pdf", new byte[1024], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201).body("sizeBytes", equalTo(1024));
    }

    @Test
    void a_body_declared_over_the_service_limit_is_refused_with_problem_json_before_it_is_read() throws Exception {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        // a raw request: headers only, declaring 17 MB (the service accepts 16 MB); the answer must not wait for them
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/dossiers/" + id + "/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + citizen + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 17000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = readUntilBodyEnds(socket);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"code\":\"BODY_TOO_LARGE\"").contains("16777216");
        }
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(0));
    }

    /** The response so far once its JSON body is complete (the connection stays open for the undelivered body). */
    private static String readUntilBodyEnds(Socket socket) throws java.io.IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = socket.getInputStream().read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (answer.indexOf("\r\n\r\n") > 0 && answer.toString().trim().endsWith("}")) {
                break;
            }
        }
        return answer.toString();
    }

    @Test
    void a_type_the_procedure_does_not_accept_is_refused_naming_the_part() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        multipart(citizen).multiPart("requiredDocumentCode", "GCS")
                .multiPart("file", "setup.exe", "MZ".getBytes(StandardCharsets.US_ASCII), "application/x-msdownload")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("DOCUMENT_TYPE_NOT_ACCEPTED"))
                .body("violations[0].field", equalTo("file"))
                .body("detail", containsString("application/x-msdownload"));
        multipart(citizen).multiPart("requiredDocumentCode", "XYZ").multiPart("file", "a.pdf", new byte[10], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(422)
                .body("code", equalTo("DOCUMENT_TYPE_NOT_ACCEPTED")).body("violations[0].field", equalTo("requiredDocumentCode"));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(0));
    }

    @Test
    void another_citizens_dossier_is_not_found_and_gets_no_document() {
        String owner = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(owner, Fixtures.BIRTH);
        multipart(Fixtures.citizen(Fixtures.unique("cd"))).multiPart("requiredDocumentCode", "GCS")
                .multiPart("file", "gcs.pdf", new byte[100], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("DOSSIER_NOT_FOUND"));
        multipart(Fixtures.officer(Fixtures.BA_DINH)).multiPart("requiredDocumentCode", "GCS")
                .multiPart("file", "gcs.pdf", new byte[100], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(403);
        as(owner).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(0));
    }

    @Test
    void a_missing_part_is_a_400_naming_it() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        multipart(citizen).multiPart("requiredDocumentCode", "GCS")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("file"));
        multipart(citizen).multiPart("file", "gcs.pdf", new byte[100], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("requiredDocumentCode"));
        multipart(citizen).multiPart("requiredDocumentCode", "GCS").multiPart("file", "empty.pdf", new byte[0], "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(400)
                .body("violations[0].field", equalTo("file"));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(0));
    }

    @Test
    void an_idempotency_key_replays_the_same_document_and_refuses_another() throws Exception {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.draft(citizen, Fixtures.BIRTH);
        String key = Fixtures.unique("upload-key");
        byte[] first = "%PDF-1.4 tờ khai".getBytes(StandardCharsets.UTF_8);
        String documentId = multipart(citizen).header("Idempotency-Key", key).multiPart("requiredDocumentCode", "TK")
                .multiPart("file", "to-khai.pdf", first, "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201).extract().path("id");
        multipart(citizen).header("Idempotency-Key", key).multiPart("requiredDocumentCode", "TK")
                .multiPart("file", "to-khai.pdf", first, "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(documentId)).body("sha256", equalTo(sha256(first)));
        byte[] other = "%PDF-1.4 tờ khai KHÁC".getBytes(StandardCharsets.UTF_8);
        multipart(citizen).header("Idempotency-Key", key).multiPart("requiredDocumentCode", "TK")
                .multiPart("file", "to-khai.pdf", other, "application/pdf")
                .post("/api/v1/dossiers/" + id + "/documents").then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("documents", hasSize(1));
    }
}
