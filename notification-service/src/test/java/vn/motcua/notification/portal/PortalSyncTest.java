package vn.motcua.notification.portal;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.FakePortal;
import vn.motcua.notification.support.OutsideSystems;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PortalSyncTest {

    private static final String AGENCY = "000.00.12.H29";

    private static String officer() {
        return DevTokens.officer("cb-001", AGENCY);
    }

    private static JsonPath state(String dossierId) {
        return given().auth().oauth2(officer()).get("/api/v1/notifications/portal-sync/" + dossierId)
                .then().extract().jsonPath();
    }

    private static String stateName(String dossierId) {
        var response = given().auth().oauth2(officer()).get("/api/v1/notifications/portal-sync/" + dossierId);
        return response.statusCode() == 200 ? response.jsonPath().getString("state") : null;
    }

    private static DossierEvents.DossierRef dossier(String id, String status, int portalStatus) {
        return Events.dossier(id, Events.citizen(Events.unique("cd")), status, portalStatus);
    }

    @Test
    void every_status_change_is_pushed_create_then_update_in_the_portal_format() {
        String id = Events.unique("dossier");
        var submitted = dossier(id, "SUBMITTED", 1);
        Events.send(Topics.DOSSIER, id, DossierEvents.DRAFT_CREATED, new DossierEvents.DraftCreated(dossier(id, "DRAFT", 0), Events.now()));
        Events.send(Topics.DOSSIER, id, DossierEvents.SUBMITTED, new DossierEvents.Submitted(submitted, Events.now(), false, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id)));
        String code = submitted.dossierCode();
        assertThat(FakePortal.DOSSIERS.get(code).path("TrangThaiHoSo").asInt()).isEqualTo(1);
        assertThat(FakePortal.DOSSIERS.get(code).path("NgayHenTra").asText()).isEqualTo("24/11/2026 17:00:00");
        assertThat(FakePortal.DOSSIERS.get(code).path("MaTTHC").asText()).isEqualTo("1.001193");
        assertThat(FakePortal.DOSSIERS.get(code).path("KenhThucHien").asInt()).isEqualTo(2);

        Events.send(Topics.DOSSIER, id, DossierEvents.RECEIVED, new DossierEvents.Received(dossier(id, "RECEIVED", 2), "BN-1",
                Events.now(), OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
        Events.send(Topics.DOSSIER, id, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(dossier(id, "PROCESSING", 4),
                "Thẩm định", "cb-002", null, Events.now().plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> FakePortal.DOSSIERS.get(code).path("TrangThaiHoSo").asInt() == 4
                && "SYNCED".equals(stateName(id)));
        assertThat(FakePortal.DOSSIERS.get(code).path("BuocXuLy").asText()).isEqualTo("Thẩm định");
        JsonPath view = state(id);
        assertThat(view.getBoolean("knownToPortal")).isTrue();
        assertThat(view.getInt("portalStatus")).isEqualTo(4);
        List<String> operations = view.getList("log.operation");
        assertThat(operations).last().isEqualTo("CREATE");
        assertThat(operations).contains("UPDATE");
        assertThat(view.getList("log.errorCode")).containsOnly("0");
        // the draft never reached the portal: every push carried a real status
        assertThat(OutsideSystems.http().requests("/portal/api/dossiers").stream()
                .filter(r -> r.body().contains(code)).noneMatch(r -> r.body().contains("\"TrangThaiHoSo\":0"))).isTrue();
    }

    @Test
    void a_burst_of_events_reaches_the_portal_as_every_status_in_order_even_through_a_failure() {
        String id = Events.unique("dossier");
        String code = dossier(id, "SUBMITTED", 1).dossierCode();
        FakePortal.FAIL_NEXT.put(code, new AtomicInteger(1)); // the first push fails: the rest queue up behind it
        OffsetDateTime due = OffsetDateTime.parse("2026-11-24T17:00:00+07:00");
        Events.send(Topics.DOSSIER, id, DossierEvents.SUBMITTED, new DossierEvents.Submitted(dossier(id, "SUBMITTED", 1),
                Events.now(), false, null));
        Events.send(Topics.DOSSIER, id, DossierEvents.RECEIVED, new DossierEvents.Received(dossier(id, "RECEIVED", 2), "BN-5",
                Events.now(), due, "cb-001"));
        Events.send(Topics.DOSSIER, id, DossierEvents.SUPPLEMENT_REQUESTED, new DossierEvents.SupplementRequested(
                dossier(id, "SUPPLEMENT_REQUIRED", 5), "Thiếu bản sao giấy chứng sinh", List.of("Giấy chứng sinh"),
                Events.now(), "cb-001"));
        Events.send(Topics.DOSSIER, id, DossierEvents.SUPPLEMENT_SUBMITTED, new DossierEvents.SupplementSubmitted(
                dossier(id, "RECEIVED", 2), Events.now()));
        Events.send(Topics.DOSSIER, id, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(dossier(id, "PROCESSING", 4),
                "Thẩm định", "cb-002", null, Events.now()));
        Events.send(Topics.DOSSIER, id, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(dossier(id, "PROCESSING", 4),
                "Phê duyệt", "ld-001", null, Events.now()));
        Events.send(Topics.DOSSIER, id, DossierEvents.RESOLVED, new DossierEvents.Resolved(dossier(id, "RESOLVED", 9),
                "Đã cấp giấy khai sinh", "COUNTER", null, Events.now(), "ld-001"));
        Events.send(Topics.DOSSIER, id, DossierEvents.RETURNED, new DossierEvents.Returned(dossier(id, "RETURNED", 10),
                "COUNTER", Events.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SYNCED".equals(stateName(id)) && state(id).getInt("revision") == 8);
        // every status, once each, in the order the dossier went through them: none coalesced into the latest
        assertThat(FakePortal.HISTORY.get(code)).containsExactly(1, 2, 5, 2, 4, 4, 9, 10);
        assertThat(FakePortal.KEYS.get(code)).hasSize(8).doesNotHaveDuplicates().doesNotContain("null");
        JsonPath view = state(id);
        assertThat(view.getInt("pushedRevision")).isEqualTo(8);
        assertThat(view.getInt("portalStatus")).isEqualTo(10);
        List<Integer> accepted = view.getList("log.findAll { it.errorCode == '0' }.revision", Integer.class);
        assertThat(accepted).containsExactly(8, 7, 6, 5, 4, 3, 2, 1); // newest first
        assertThat(view.getList("log.errorCode")).last().isEqualTo("SYSTEM_ERROR");

        // a re-sync of a fully synced dossier pushes the latest revision again, and only that one
        given().auth().oauth2(officer()).post("/api/v1/notifications/portal-sync/" + id + "/resync").then()
                .statusCode(200).body("state", equalTo("PENDING")).body("pushedRevision", equalTo(7));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id)) && FakePortal.HISTORY.get(code).size() == 9);
        assertThat(FakePortal.HISTORY.get(code)).endsWith(9, 10, 10);
        List<String> keys = FakePortal.KEYS.get(code);
        assertThat(keys.get(8)).as("a re-send carries the revision's key").isEqualTo(keys.get(7));
        assertThat(state(id).getInt("pushedRevision")).isEqualTo(8);
    }

    @Test
    void an_event_older_than_the_latest_is_not_sent_to_move_the_status_back() {
        String id = Events.unique("dossier");
        String code = dossier(id, "RECEIVED", 2).dossierCode();
        OffsetDateTime due = OffsetDateTime.parse("2026-11-24T17:00:00+07:00");
        var received = CloudEventCodec.create("/test-dossier-service", DossierEvents.RECEIVED, id,
                new DossierEvents.Received(dossier(id, "RECEIVED", 2), "BN-6", Events.now(), due, "cb-001"));
        var stepChanged = CloudEventCodec.create("/test-dossier-service", DossierEvents.STEP_CHANGED, id,
                new DossierEvents.StepChanged(dossier(id, "PROCESSING", 4), "Thẩm định", "cb-002", null, Events.now()));
        Events.send(Topics.DOSSIER, id, stepChanged);
        Events.send(Topics.DOSSIER, id, received); // delivered late: older than what the portal already has
        Events.send(Topics.DOSSIER, id, DossierEvents.RESOLVED, new DossierEvents.Resolved(dossier(id, "RESOLVED", 9),
                "Đã cấp", "COUNTER", null, Events.now(), "ld-001"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id)) && state(id).getInt("portalStatus") == 9);
        assertThat(FakePortal.HISTORY.get(code)).containsExactly(4, 9);
        assertThat(state(id).getInt("revision")).isEqualTo(2);
    }

    @Test
    void a_dossier_the_portal_already_has_switches_to_update() {
        String id = Events.unique("dossier");
        var received = dossier(id, "RECEIVED", 2);
        // forwarded by the portal itself: it knows the dossier before we ever push it
        FakePortal.DOSSIERS.put(received.dossierCode(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        Events.send(Topics.DOSSIER, id, DossierEvents.RECEIVED, new DossierEvents.Received(received, "BN-2", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id)));
        assertThat(FakePortal.DOSSIERS.get(received.dossierCode()).path("TrangThaiHoSo").asInt()).isEqualTo(2);
        List<String> log = state(id).getList("log.errorCode");
        assertThat(log).containsExactly("0", "DOSSIER_EXISTS"); // newest first: create refused, then update accepted
        assertThat(state(id).getList("log.operation")).containsExactly("UPDATE", "CREATE");
    }

    @Test
    void portal_failures_are_retried_and_a_failed_sync_is_resynced_by_an_officer() {
        String id = Events.unique("dossier");
        var received = dossier(id, "RECEIVED", 2);
        String code = received.dossierCode();
        FakePortal.FAIL_NEXT.put(code, new AtomicInteger(1)); // one HTTP 500, then fine
        Events.send(Topics.DOSSIER, id, DossierEvents.RECEIVED, new DossierEvents.Received(received, "BN-3", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id)));
        assertThat(state(id).getList("log.errorCode")).containsExactly("0", "SYSTEM_ERROR");

        // the portal refuses with its own error code every time: after 3 attempts the sync is FAILED
        String id2 = Events.unique("dossier");
        var refused = dossier(id2, "RECEIVED", 2);
        FakePortal.REFUSE_WITH.put(refused.dossierCode(), "AGENCY_NOT_REGISTERED");
        Events.send(Topics.DOSSIER, id2, DossierEvents.RECEIVED, new DossierEvents.Received(refused, "BN-4", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(stateName(id2)));
        JsonPath failed = state(id2);
        assertThat(failed.getString("lastErrorCode")).isEqualTo("AGENCY_NOT_REGISTERED");
        assertThat(failed.getInt("attempts")).isEqualTo(3);
        assertThat(failed.getBoolean("knownToPortal")).isFalse();
        given().auth().oauth2(officer()).queryParam("state", "FAILED").get("/api/v1/notifications/portal-sync").then()
                .statusCode(200).body("items.dossierId", org.hamcrest.Matchers.hasItem(id2));

        // fixed at the portal; the officer re-syncs
        FakePortal.REFUSE_WITH.remove(refused.dossierCode());
        given().auth().oauth2(officer()).post("/api/v1/notifications/portal-sync/" + id2 + "/resync").then()
                .statusCode(200).body("state", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "SYNCED".equals(stateName(id2)));
        assertThat(FakePortal.DOSSIERS).containsKey(refused.dossierCode());
    }

    @Test
    void only_staff_of_the_dossiers_agency_see_or_resync_it() {
        String id = Events.unique("dossier");
        Events.send(Topics.DOSSIER, id, DossierEvents.SUBMITTED, new DossierEvents.Submitted(dossier(id, "SUBMITTED", 1),
                Events.now(), false, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> stateName(id) != null);
        String otherAgency = DevTokens.officer("cb-900", "000.21.27.H29");
        given().auth().oauth2(otherAgency).get("/api/v1/notifications/portal-sync/" + id).then().statusCode(404);
        given().auth().oauth2(otherAgency).post("/api/v1/notifications/portal-sync/" + id + "/resync").then().statusCode(404);
        given().auth().oauth2(DevTokens.citizen("cd-001")).get("/api/v1/notifications/portal-sync/" + id).then().statusCode(403);
        given().get("/api/v1/notifications/portal-sync/" + id).then().statusCode(401);
        given().auth().oauth2(DevTokens.subject("cb-x", "officer").sign()).get("/api/v1/notifications/portal-sync").then()
                .statusCode(403);
        given().auth().oauth2(DevTokens.admin("ad-1")).get("/api/v1/notifications/portal-sync/" + id).then().statusCode(200);
        given().auth().oauth2(officer()).get("/api/v1/notifications/portal-sync?state=BROKEN").then().statusCode(400);
    }
}
