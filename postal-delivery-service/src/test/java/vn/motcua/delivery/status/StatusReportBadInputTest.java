package vn.motcua.delivery.status;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.delivery.support.TestOperator;
import vn.motcua.delivery.support.TopicReader;
import vn.motcua.delivery.waybill.S10;
import vn.motcua.testing.DevTokens;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What the operator can get wrong, over both paths, and who may report at all. */
@QuarkusTest
class StatusReportBadInputTest {

    private static TopicReader postalOrders;
    private final TestOperator vnpost = new TestOperator("VNPOST");

    @BeforeAll
    static void readers() {
        postalOrders = new TopicReader(Topics.POSTAL_ORDERS);
    }

    @AfterAll
    static void close() {
        postalOrders.close();
    }

    private static JsonPath dispatchedOrder() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, "ONLINE", Events.address("01", "00007"));
        return Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
    }

    @Test
    void one_bad_report_does_not_drop_the_good_ones_and_each_failure_says_why() {
        JsonPath order = dispatchedOrder();
        String tracking = order.getString("trackingNumber");
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE).minusMinutes(5);

        List<Object> batch = new ArrayList<>();
        batch.add(TestOperator.report(tracking, "PICKED_UP", now));                                        // 0 good
        batch.add(TestOperator.report(S10.of("EL", 99_999_990, "VN"), "PICKED_UP", now));                  // 1 unknown
        batch.add(TestOperator.report("EL12345VN", "PICKED_UP", now));                                     // 2 not S10
        batch.add(TestOperator.report(tracking, "TELEPORTED", now));                                       // 3 status
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        wrongTypes.put("reportId", "r-" + UUID.randomUUID());
        wrongTypes.put("trackingNumber", tracking);
        wrongTypes.put("status", "IN_TRANSIT");
        wrongTypes.put("occurredAt", "yesterday afternoon");
        batch.add(wrongTypes);                                                                             // 4 types
        batch.add("not a report");                                                                         // 5 not object
        batch.add(new StatusReport("r-" + UUID.randomUUID(), null, tracking, null, "DELIVERED", "500", null, now,
                null, null, 1, null));                                                                     // 6 no proof
        batch.add(new StatusReport("r-" + UUID.randomUUID(), null, tracking, "000.00.12.H29-999999-1", "IN_TRANSIT",
                "200", null, now, null, null, null, null));                                                // 7 order no.
        batch.add(new StatusReport(null, null, tracking, null, "IN_TRANSIT", "200", null, null, null, null, null, null)); // 8

        JsonPath response = vnpost.overRest(batch).statusCode(200)
                .body("received", equalTo(9)).body("accepted", equalTo(1)).body("rejected", equalTo(8))
                .extract().jsonPath();
        assertThat(response.getString("results[0].outcome")).isEqualTo("APPLIED");
        assertThat(response.getList("results.code")).containsExactly(null, "UNKNOWN_TRACKING_NUMBER",
                "INVALID_TRACKING_NUMBER", "UNKNOWN_STATUS", "INVALID_REPORT", "INVALID_REPORT", "INVALID_REPORT",
                "ORDER_NUMBER_MISMATCH", "INVALID_REPORT");
        assertThat(response.getList("results.index")).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(response.getString("results[4].detail")).contains("occurredAt");
        assertThat(response.getList("results[6].violations.field")).contains("proof");
        assertThat(response.getList("results[8].violations.field")).contains("reportId", "occurredAt");
        assertThat(Api.order(order.getString("id")).getString("status")).isEqualTo("PICKED_UP");
    }

    @Test
    void another_operators_order_and_a_forged_operator_code_are_refused() {
        JsonPath order = dispatchedOrder();
        String tracking = order.getString("trackingNumber");
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE).minusMinutes(5);
        new TestOperator("VTPOST").overRest(List.of(TestOperator.report(tracking, "LOST", now))).statusCode(200)
                .body("results[0].outcome", equalTo("REJECTED")).body("results[0].code", equalTo("NOT_YOUR_ORDER"));
        StatusReport claimsVnpost = new StatusReport("r-" + UUID.randomUUID(), "VNPOST", tracking, null, "LOST", "900",
                null, now, null, null, null, null);
        new TestOperator("VTPOST").overRest(List.of(claimsVnpost)).statusCode(200)
                .body("results[0].code", equalTo("OPERATOR_MISMATCH"));
        assertThat(Api.order(order.getString("id")).getString("status")).isEqualTo("DISPATCHED");
    }

    @Test
    void a_malformed_batch_is_refused_as_a_whole() {
        String report = "{\"reportId\":\"r-1\",\"trackingNumber\":\"EL100000017VN\",\"status\":\"PICKED_UP\","
                + "\"occurredAt\":\"2026-11-23T09:00:00+07:00\"}";
        post("{\"reports\": \"everything\"}").statusCode(400).body("code", equalTo("MALFORMED_BATCH"));
        post("{\"reports\": []}").statusCode(400).body("code", equalTo("MALFORMED_BATCH"));
        post("[" + report + "]").statusCode(400).body("code", equalTo("MALFORMED_BATCH"));
        post("{\"reports\": [" + report + ",").statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        post("{\"reports\": [" + String.join(",", java.util.Collections.nCopies(501, report)) + "]}")
                .statusCode(400).body("code", equalTo("MALFORMED_BATCH"));
    }

    private io.restassured.response.ValidatableResponse post(String body) {
        return given().auth().oauth2(vnpost.token()).contentType("application/json").body(body)
                .post("/api/v1/deliveries/operator/status-reports").then();
    }

    @Test
    void only_postal_operators_with_an_operator_claim_may_report() {
        String body = "{\"reports\": [{\"reportId\": \"r-x\"}]}";
        given().contentType("application/json").body(body).post("/api/v1/deliveries/operator/status-reports")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(DevTokens.citizen("cd-001")).contentType("application/json").body(body)
                .post("/api/v1/deliveries/operator/status-reports").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(DevTokens.officer("cb-001", Events.BA_DINH)).contentType("application/json").body(body)
                .post("/api/v1/deliveries/operator/status-reports").then().statusCode(403);
        given().auth().oauth2(DevTokens.subject("svc-x", "postal-operator").sign()).contentType("application/json")
                .body(body).post("/api/v1/deliveries/operator/status-reports").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("operator"));
        given().auth().oauth2(DevTokens.subject("svc-x", "postal-operator").claim("operator", "VNPOST")
                        .expiresIn(java.time.Duration.ofSeconds(-120)).sign()).contentType("application/json")
                .body(body).post("/api/v1/deliveries/operator/status-reports").then().statusCode(401);
        // the operator cannot read citizens' deliveries
        given().auth().oauth2(vnpost.token()).get("/api/v1/deliveries").then().statusCode(403);
    }

    @Test
    void a_report_refused_on_kafka_is_answered_on_the_order_topic_and_a_broken_one_is_dead_lettered() {
        String unknown = S10.of("EL", 99_999_991, "VN");
        StatusReport report = TestOperator.report(unknown, "PICKED_UP", OffsetDateTime.now(CloudEventCodec.ZONE));
        vnpost.overKafka(report);
        TopicReader.Received feedback = postalOrders.awaitOne(r -> unknown.equals(r.key())
                && PostalOperatorMessages.STATUS_REPORT_REJECTED.equals(r.event().type()));
        PostalOperatorMessages.StatusReportRejected rejected = CloudEventCodec.dataAs(feedback.event(),
                PostalOperatorMessages.StatusReportRejected.class);
        assertThat(rejected.reportId()).isEqualTo(report.reportId());
        assertThat(rejected.code()).isEqualTo("UNKNOWN_TRACKING_NUMBER");
        assertThat(rejected.operatorCode()).isEqualTo("VNPOST");

        String brokenKey = "broken-" + UUID.randomUUID();
        Events.send(Topics.POSTAL_STATUS_REPORTS, brokenKey, "{\"this is\": \"not a CloudEvent\"}".getBytes(StandardCharsets.UTF_8));
        try (TopicReader dlq = new TopicReader(Topics.deadLetterOf(Topics.POSTAL_STATUS_REPORTS))) {
            assertThat(dlq.awaitOneRaw(brokenKey)).isTrue();
        }
    }
}
