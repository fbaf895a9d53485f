package vn.motcua.dossier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.workflow.WorkflowService;
import vn.motcua.testing.DevTokens;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static vn.motcua.dossier.Fixtures.as;

/**
 * The officer work queue: which dossiers each view shows, its order in both directions, paging and capped totals.
 * Runs on agencies no other test files dossiers for (UBND phường Hoàn Kiếm, Sở Nông nghiệp và Môi trường), so the
 * whole queue is known.
 */
@QuarkusTest
class WorkQueueTest {

    static final String HOAN_KIEM = "000.00.15.H29";
    static final String SO_NONG_NGHIEP = "000.24.27.H29";

    @Inject
    EntityManager em;
    @Inject
    WorkflowService workflow;

    /** A fee-less procedure of {@code agency} with one PDF document, so that a dossier goes straight to SUBMITTED. */
    static String procedureOf(String agency) {
        String code = "1.9" + String.format("%05d", new Random().nextInt(99999));
        as(DevTokens.admin("ad-1")).body(Fixtures.map("code", code, "name", "Cấp giấy xác nhận thử nghiệm", "sector", "Thử nghiệm",
                "agencyLevel", "COMMUNE", "agencyCode", agency, "onlineLevel", "FULL", "processingDays", 3,
                "inPersonRequired", false, "returnMethods", List.of("ELECTRONIC"), "fees", List.of(),
                "requiredDocuments", List.of(Map.of("code", "TK", "name", "Tờ khai", "mandatory", true,
                        "acceptedContentTypes", List.of("application/pdf"), "maxSizeBytes", 1024))))
                .post("/api/v1/procedures").then().statusCode(201);
        return code;
    }

    static String submitted(String citizen, String procedure) {
        String id = Fixtures.draft(citizen, procedure);
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200);
        return id;
    }

    static String received(String citizen, String officer, String procedure) {
        String id = submitted(citizen, procedure);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(200);
        return id;
    }

    void makeOverdue(String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update dossier set due_at = now() - interval '1 hour' where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        assertThat(workflow.markOverdue(1000)).isGreaterThanOrEqualTo(1);
    }

    void resolveAndReturn(String officer, String id) {
        as(officer).body(Map.of("resultSummary", "Đã cấp giấy xác nhận")).post("/api/v1/dossiers/" + id + "/resolve")
                .then().statusCode(200);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
    }

    @Test
    void the_queue_shows_open_dossiers_overdue_now_due_soon_and_mine_and_the_archive_on_request() {
        String procedure = procedureOf(HOAN_KIEM);
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officerId = Fixtures.unique("cb-hk");
        String officer = Fixtures.officer(officerId, HOAN_KIEM);

        String waiting = submitted(citizen, procedure);
        String running = received(citizen, officer, procedure);
        String mine = received(citizen, officer, procedure);
        as(officer).body(Map.of("stepName", "Thẩm định hồ sơ", "assigneeId", officerId)).post("/api/v1/dossiers/" + mine + "/steps")
                .then().statusCode(200);
        String overdueNow = received(citizen, officer, procedure);
        makeOverdue(overdueNow);
        String returned = received(citizen, officer, procedure);
        resolveAndReturn(officer, returned);
        String returnedLate = received(citizen, officer, procedure);
        makeOverdue(returnedLate);
        resolveAndReturn(officer, returnedLate);
        as(officer).get("/api/v1/dossiers/" + returnedLate).then().body("overdue", equalTo(true)); // kept for the record

        // default: what still waits for someone, drafts and closed dossiers aside
        as(officer).get("/api/v1/dossiers?size=100").then().statusCode(200)
                .body("items.agencyCode", everyItem(equalTo(HOAN_KIEM)))
                .body("items.id", hasItems(waiting, running, mine, overdueNow))
                .body("items.id", not(hasItem(returned))).body("items.id", not(hasItem(returnedLate)));
        // the archive on request
        as(officer).get("/api/v1/dossiers?status=RETURNED&size=100").then().statusCode(200)
                .body("items.id", hasItems(returned, returnedLate)).body("items.status", everyItem(equalTo("RETURNED")));
        // overdue now: the clock still runs; a dossier returned late is no longer overdue
        as(officer).get("/api/v1/dossiers?overdue=true&size=100").then().statusCode(200)
                .body("items.id", equalTo(List.of(overdueNow))).body("total", equalTo(1));
        as(officer).get("/api/v1/dossiers?overdue=true&status=RETURNED").then().statusCode(200).body("total", equalTo(0));
        as(officer).get("/api/v1/dossiers?overdue=false&size=100").then().statusCode(200)
                .body("items.id", hasItems(waiting, running, mine)).body("items.id", not(hasItem(overdueNow)));
        // due soon: a window of due dates (the '+' of an offset may arrive unencoded, as a space)
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        as(officer).queryParam("dueAfter", now.toString()).queryParam("dueBefore", now.plusDays(30).toString())
                .get("/api/v1/dossiers?size=100").then().statusCode(200)
                .body("items.id", hasItems(running, mine)).body("items.id", not(hasItem(overdueNow)))
                .body("items.id", not(hasItem(waiting)));
        as(officer).get("/api/v1/dossiers?dueAfter=" + now.minusDays(1).toLocalDateTime() + "+07:00&size=100").then()
                .statusCode(200).body("items.id", hasItem(running));
        // mine
        as(officer).get("/api/v1/dossiers?assignedToMe=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(mine))).body("total", equalTo(1));
        // scoped to the agency: another agency's officer sees none of them, an administrator asks by agency
        as(Fixtures.officer(Fixtures.BA_DINH)).get("/api/v1/dossiers?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(running)));
        as(DevTokens.admin("ad-1")).get("/api/v1/dossiers?agencyCode=" + HOAN_KIEM + "&size=100").then().statusCode(200)
                .body("items.id", hasItems(waiting, running, returned, returnedLate));
    }

    @Test
    void every_sort_reads_in_order_both_ways_and_pages_add_up() {
        String procedure = procedureOf(HOAN_KIEM);
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(HOAN_KIEM);
        submitted(citizen, procedure);
        submitted(citizen, procedure);
        for (int i = 0; i < 3; i++) {
            received(citizen, officer, procedure);
        }
        for (String sort : List.of("dueAt", "submittedAt", "createdAt")) {
            List<String> ascending = as(officer).get("/api/v1/dossiers?size=100&sort=" + sort).then().statusCode(200)
                    .extract().path("items.id");
            List<String> descending = as(officer).get("/api/v1/dossiers?size=100&sort=-" + sort).then().statusCode(200)
                    .extract().path("items.id");
            assertThat(ascending).hasSizeGreaterThanOrEqualTo(5);
            List<String> reversed = new ArrayList<>(descending);
            Collections.reverse(reversed);
            assertThat(reversed).as("-%s is the exact reverse of %s", sort, sort).isEqualTo(ascending);

            List<String> paged = new ArrayList<>();
            for (int page = 0; page * 2 < ascending.size(); page++) {
                paged.addAll(as(officer).get("/api/v1/dossiers?size=2&sort=" + sort + "&page=" + page).then().statusCode(200)
                        .body("total", equalTo(ascending.size())).extract().<List<String>>path("items.id"));
            }
            assertThat(paged).as("pages of 2 by %s", sort).isEqualTo(ascending);
        }
        List<String> dueDates = as(officer).get("/api/v1/dossiers?size=100&sort=dueAt").then().extract().path("items.dueAt");
        List<String> withDue = dueDates.stream().takeWhile(d -> d != null).toList();
        assertThat(dueDates.subList(withDue.size(), dueDates.size())).as("no due date: last").containsOnlyNulls();
        assertThat(withDue.stream().map(OffsetDateTime::parse).toList()).isSortedAccordingTo(OffsetDateTime::compareTo);
    }

    @Test
    void totals_are_exact_up_to_the_cap_then_a_lower_bound() {
        // 1,005 submitted dossiers of an agency that only this test files for, inserted in one statement
        int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        insert into dossier (id, code, procedure_code, procedure_name, agency_code, agency_name, applicant_id,
                                             applicant_name, channel, return_method, status, fee_lines, created_at,
                                             submitted_at, tracking_secret, updated_at)
                        select gen_random_uuid(), 'TEST-' || gen_random_uuid(), '1.012802', 'Đăng ký biến động đất đai',
                               '000.24.27.H29', 'Sở Nông nghiệp và Môi trường thành phố Hà Nội', 'cd-cap-' || n,
                               'Người thử ' || n, 'ONLINE', 'COUNTER', 'SUBMITTED', '[]', now(),
                               now() - n * interval '1 minute', 'SECRET' || n, now()
                        from generate_series(1, 1005) n""").executeUpdate());
        assertThat(inserted).isEqualTo(1005);
        String officer = Fixtures.officer(SO_NONG_NGHIEP);
        as(officer).get("/api/v1/dossiers?size=20").then().statusCode(200).body("total", equalTo(1001))
                .body("items.size()", equalTo(20));
        // past the cap the bound follows the page asked for, so the total never contradicts the rows shown
        as(officer).get("/api/v1/dossiers?size=100&page=10").then().statusCode(200).body("total", equalTo(1005))
                .body("items.size()", equalTo(5));
        as(officer).get("/api/v1/dossiers?size=20&page=55").then().statusCode(200).body("total", equalTo(1005))
                .body("items.size()", equalTo(0));
        as(officer).get("/api/v1/dossiers?size=100&page=9").then().statusCode(200).body("total", equalTo(1001))
                .body("items.size()", equalTo(100));
        as(officer).get("/api/v1/dossiers?sort=-submittedAt&size=1").then().statusCode(200)
                .body("items[0].applicantName", equalTo("Người thử 1"));
        as(officer).get("/api/v1/dossiers?size=100&page=1001").then().statusCode(400)
                .body("violations[0].field", equalTo("page"));
        as(officer).get("/api/v1/dossiers?size=100&page=2147483647").then().statusCode(400);
    }
}
