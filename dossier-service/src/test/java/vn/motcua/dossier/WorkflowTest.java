package vn.motcua.dossier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.dossier.workflow.WorkflowService;
import vn.motcua.testing.DevTokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.motcua.dossier.Fixtures.as;

/** The officer workflow end to end, with the event of every transition read back from dossier.events. */
@QuarkusTest
class WorkflowTest {

    @Inject
    WorkflowService workflow;
    @Inject
    EntityManager em;

    static <T> T payload(Fixtures.DossierTopic topic, String id, String type, Class<T> payloadType) {
        return CloudEventCodec.dataAs(CloudEventCodec.read(topic.await(id, type).value().getBytes()), payloadType);
    }

    @Test
    void receive_process_supplement_resolve_return_rate_reopen() {
        String citizenId = Fixtures.unique("cd");
        String citizen = Fixtures.citizen(citizenId);
        String officerId = Fixtures.unique("cb");
        String officer = Fixtures.officer(officerId, Fixtures.BA_DINH);
        String id = Fixtures.submittedBirthRegistration(citizen);

        as(citizen).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(403);
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(404);
        as(officer).body("{\"version\":0}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT"));
        as(officer).header("X-Audit-Reason", java.net.URLEncoder.encode("Tiếp nhận trực tuyến", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")).body("{}").post("/api/v1/dossiers/" + id + "/receive")
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("portalStatus", equalTo(2))
                .body("dueAt", notNullValue()).body("receiptNumber", containsString("PH-000.00.12.H29-"));

        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Received received = payload(topic, id, DossierEvents.RECEIVED, DossierEvents.Received.class);
            assertThat(received.officerId()).isEqualTo(officerId);
            assertThat(received.dueAt()).isEqualTo(received.dossier().dueAt());
            assertThat(received.dueAt().toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
            assertThat(received.dueAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
            assertThat(received.dossier().status()).isEqualTo("RECEIVED");

            as(officer).body(Map.of("stepName", "Thẩm định", "assigneeId", officerId, "stepWorkingDays", 1))
                    .post("/api/v1/dossiers/" + id + "/steps").then().statusCode(200)
                    .body("status", equalTo("PROCESSING")).body("currentStep.assigneeId", equalTo(officerId));
            DossierEvents.StepChanged step = payload(topic, id, DossierEvents.STEP_CHANGED, DossierEvents.StepChanged.class);
            assertThat(step.stepName()).isEqualTo("Thẩm định");
            assertThat(step.stepDueAt()).isNotNull();
            assertThat(step.dossier().portalStatus()).isEqualTo(4);

            as(officer).body(Map.of("reason", "Thiếu bản chính", "missingItems", List.of("GCS")))
                    .post("/api/v1/dossiers/" + id + "/supplement-request").then().statusCode(200)
                    .body("status", equalTo("SUPPLEMENT_REQUESTED")).body("supplement.missingItems", hasItem("GCS"));
            DossierEvents.SupplementRequested asked = payload(topic, id, DossierEvents.SUPPLEMENT_REQUESTED,
                    DossierEvents.SupplementRequested.class);
            assertThat(asked.missingItems()).containsExactly("GCS");
            assertThat(asked.dossier().portalStatus()).isEqualTo(5);

            as(citizen).post("/api/v1/dossiers/" + id + "/resubmit").then().statusCode(422).body("code", equalTo("SUPPLEMENT_EMPTY"));
            Fixtures.upload(citizen, id, "GCS").statusCode(201).body("kind", equalTo("SUPPLEMENT"));
            as(citizen).post("/api/v1/dossiers/" + id + "/resubmit").then().statusCode(200).body("status", equalTo("PROCESSING"));
            payload(topic, id, DossierEvents.SUPPLEMENT_SUBMITTED, DossierEvents.SupplementSubmitted.class);

            as(officer).body(Map.of("resultSummary", "Đã cấp Giấy khai sinh số 123/2026"))
                    .post("/api/v1/dossiers/" + id + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));
            DossierEvents.Resolved resolved = payload(topic, id, DossierEvents.RESOLVED, DossierEvents.Resolved.class);
            assertThat(resolved.returnMethod()).isEqualTo("ELECTRONIC");
            assertThat(resolved.deliveryAddress()).isNull();
            assertThat(resolved.resultSummary()).contains("123/2026");
            assertThat(resolved.dossier().portalStatus()).isEqualTo(9);

            as(citizen).body(Map.of("score", 5)).post("/api/v1/dossiers/" + id + "/rating").then().statusCode(409);
            as(officer).body("{}").post("/api/v1/dossiers/" + id + "/return").then().statusCode(200)
                    .body("status", equalTo("RETURNED")).body("portalStatus", equalTo(10));
            DossierEvents.Returned returned = payload(topic, id, DossierEvents.RETURNED, DossierEvents.Returned.class);
            assertThat(returned.returnMethod()).isEqualTo("ELECTRONIC");

            as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(409)
                    .body("code", equalTo("ILLEGAL_TRANSITION")).body("detail", containsString("is RETURNED"));
            as(citizen).body(Map.of("score", 9)).post("/api/v1/dossiers/" + id + "/rating").then().statusCode(400);
            as(citizen).body(Map.of("score", 5, "comment", "Nhanh, chu đáo")).post("/api/v1/dossiers/" + id + "/rating")
                    .then().statusCode(200).body("rating", equalTo(5));
            as(citizen).body(Map.of("score", 4)).post("/api/v1/dossiers/" + id + "/rating").then().statusCode(409)
                    .body("code", equalTo("ALREADY_RATED"));

            as(officer).body(Map.of("reason", "Sai sót")).post("/api/v1/dossiers/" + id + "/reopen").then().statusCode(403);
            as(Fixtures.leader(Fixtures.BA_DINH)).body(Map.of("reason", "Sai sót trong kết quả"))
                    .post("/api/v1/dossiers/" + id + "/reopen").then().statusCode(200).body("status", equalTo("PROCESSING"));
            DossierEvents.Reopened reopened = payload(topic, id, DossierEvents.REOPENED, DossierEvents.Reopened.class);
            assertThat(reopened.previousStatus()).isEqualTo("RETURNED");
        }

        as(officer).get("/api/v1/dossiers/" + id + "/audit").then().statusCode(200)
                .body("action", hasItem("receive")).body("action", hasItem("reopen"))
                .body("find { it.action == 'receive' }.reason", equalTo("Tiếp nhận trực tuyến"))
                .body("find { it.action == 'receive' }.actorId", equalTo(officerId))
                .body("find { it.action == 'receive' }.oldStatus", equalTo("SUBMITTED"))
                .body("find { it.action == 'receive' }.newStatus", equalTo("RECEIVED"))
                .body("find { it.action == 'reopen' }.actorRole", equalTo("leader"))
                .body("find { it.action == 'reopen' }.reason", equalTo("Sai sót trong kết quả"));
        as(citizen).get("/api/v1/dossiers/" + id + "/audit").then().statusCode(403);
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).get("/api/v1/dossiers/" + id + "/audit").then().statusCode(404);
    }

    @Test
    void refuse_then_reopen_to_reception() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String id = Fixtures.submittedBirthRegistration(citizen);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/refuse").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        as(officer).body(Map.of("reason", "Không thuộc thẩm quyền")).post("/api/v1/dossiers/" + id + "/refuse").then()
                .statusCode(200).body("status", equalTo("REFUSED")).body("portalStatus", equalTo(3))
                .body("outcomeReason", equalTo("Không thuộc thẩm quyền"));
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            assertThat(payload(topic, id, DossierEvents.REFUSED, DossierEvents.Refused.class).reason())
                    .isEqualTo("Không thuộc thẩm quyền");
        }
        as(DevTokens.admin("ad-1")).body(Map.of("reason", "Từ chối nhầm")).post("/api/v1/dossiers/" + id + "/reopen")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void withdrawal_before_and_after_reception() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String early = Fixtures.submittedBirthRegistration(citizen);
        as(citizen).body(Map.of("reason", "Không còn nhu cầu")).post("/api/v1/dossiers/" + early + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        String late = Fixtures.receivedBirthRegistration(citizen, officer);
        as(citizen).body(Map.of("reason", "Nộp nhầm thủ tục")).post("/api/v1/dossiers/" + late + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWAL_REQUESTED")).body("portalStatus", equalTo(7));
        as(officer).body(Map.of("reason", "Đồng ý")).post("/api/v1/dossiers/" + late + "/withdrawal/approve").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            assertThat(payload(topic, early, DossierEvents.WITHDRAWN, DossierEvents.Withdrawn.class).reason())
                    .isEqualTo("Không còn nhu cầu");
            payload(topic, late, DossierEvents.WITHDRAWAL_REQUESTED, DossierEvents.WithdrawalRequested.class);
            assertThat(payload(topic, late, DossierEvents.WITHDRAWN, DossierEvents.Withdrawn.class).reason())
                    .isEqualTo("Nộp nhầm thủ tục");
        }
        as(citizen).body(Map.of("reason", "x")).post("/api/v1/dossiers/" + late + "/withdraw").then().statusCode(409);

        String rejected = Fixtures.receivedBirthRegistration(citizen, officer);
        as(citizen).body(Map.of("reason", "Thử")).post("/api/v1/dossiers/" + rejected + "/withdraw").then().statusCode(200);
        as(officer).body(Map.of("reason", "Đã xử lý xong")).post("/api/v1/dossiers/" + rejected + "/withdrawal/reject")
                .then().statusCode(200).body("status", equalTo("RECEIVED"));
    }

    @Test
    void stop_and_due_date_extension_and_overdue() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officerId = Fixtures.unique("cb");
        String officer = Fixtures.officer(officerId, Fixtures.BA_DINH);
        String id = Fixtures.receivedBirthRegistration(citizen, officer);

        // overdue: the due time passed → the job marks it once and announces it
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update dossier set due_at = now() - interval '1 hour' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        assertThat(workflow.markOverdue(1000)).isGreaterThanOrEqualTo(1);
        as(officer).get("/api/v1/dossiers/" + id).then().body("overdue", equalTo(true));
        as(officer).get("/api/v1/dossiers?overdue=true&size=100").then().statusCode(200).body("items.id", hasItem(id));
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Overdue overdue = payload(topic, id, DossierEvents.OVERDUE, DossierEvents.Overdue.class);
            assertThat(overdue.dueAt()).isBefore(overdue.detectedAt());
            workflow.markOverdue(1000);
            assertThat(topic.typesFor(id).stream().filter(DossierEvents.OVERDUE::equals).count()).isEqualTo(1);

            String current = as(officer).get("/api/v1/dossiers/" + id).then().extract().path("dueAt");
            as(officer).body(Map.of("newDueAt", OffsetDateTime.parse(current).minusDays(1).toString(), "reason", "x"))
                    .post("/api/v1/dossiers/" + id + "/due-date-extensions").then().statusCode(422)
                    .body("code", equalTo("DUE_DATE_NOT_LATER"));
            as(officer).body(Map.of("newDueAt", "not a date", "reason", "x"))
                    .post("/api/v1/dossiers/" + id + "/due-date-extensions").then().statusCode(400);
            String newDue = OffsetDateTime.now().plusDays(5).withNano(0).toString();
            as(officer).body(Map.of("newDueAt", newDue, "reason", "Cần xác minh thêm"))
                    .post("/api/v1/dossiers/" + id + "/due-date-extensions").then().statusCode(200)
                    .body("overdue", equalTo(false));
            DossierEvents.DueDateExtended extended = payload(topic, id, DossierEvents.DUE_DATE_EXTENDED,
                    DossierEvents.DueDateExtended.class);
            assertThat(extended.reason()).isEqualTo("Cần xác minh thêm");
            assertThat(extended.officerId()).isEqualTo(officerId);
            assertThat(extended.newDueAt().toInstant()).isEqualTo(OffsetDateTime.parse(newDue).toInstant());
            assertThat(extended.previousDueAt()).isBefore(extended.newDueAt());

            as(officer).body(Map.of("reason", "Người yêu cầu đã mất")).post("/api/v1/dossiers/" + id + "/stop").then()
                    .statusCode(200).body("status", equalTo("STOPPED")).body("portalStatus", equalTo(8));
            assertThat(payload(topic, id, DossierEvents.STOPPED, DossierEvents.Stopped.class).officerId()).isEqualTo(officerId);
        }
        as(officer).body(Map.of("stepName", "x", "assigneeId", "y")).post("/api/v1/dossiers/" + id + "/steps").then()
                .statusCode(409).body("detail", containsString("is STOPPED"));
    }

    @Test
    void post_return_waits_for_the_post() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String id = Fixtures.as(citizen).body(Map.of("procedureCode", Fixtures.BIRTH, "channel", "ONLINE", "returnMethod", "POST",
                        "deliveryAddress", Map.of("recipientName", "Nguyễn Văn An", "phone", "0912345678",
                                "street", "Số 1 phố Điện Biên Phủ", "communeCode", "00004", "provinceCode", "01")))
                .post("/api/v1/dossiers").then().statusCode(201).extract().path("id");
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        Fixtures.upload(citizen, id, "GCS").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(200);
        as(officer).body(Map.of("resultSummary", "Giấy khai sinh")).post("/api/v1/dossiers/" + id + "/resolve").then().statusCode(200);
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Resolved resolved = payload(topic, id, DossierEvents.RESOLVED, DossierEvents.Resolved.class);
            assertThat(resolved.returnMethod()).isEqualTo("POST");
            assertThat(resolved.deliveryAddress().recipientName()).isEqualTo("Nguyễn Văn An");
            assertThat(resolved.deliveryAddress().communeCode()).isEqualTo("00004");
            assertThat(resolved.deliveryAddress().street()).isEqualTo("Số 1 phố Điện Biên Phủ");
        }
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/return").then().statusCode(409)
                .body("detail", containsString("post"));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("returnedAt", nullValue());
    }

    @Test
    void two_officers_receiving_at_once_one_wins_the_other_gets_409() throws Exception {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.submittedBirthRegistration(citizen);
        String first = Fixtures.officer(Fixtures.BA_DINH);
        String second = Fixtures.officer(Fixtures.BA_DINH);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> as(first).body("{}").post("/api/v1/dossiers/" + id + "/receive").statusCode());
            var b = pool.submit(() -> as(second).body("{}").post("/api/v1/dossiers/" + id + "/receive").statusCode());
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            topic.await(id, DossierEvents.RECEIVED);
            assertThat(topic.typesFor(id).stream().filter(DossierEvents.RECEIVED::equals).count()).isEqualTo(1);
        }
    }
}
