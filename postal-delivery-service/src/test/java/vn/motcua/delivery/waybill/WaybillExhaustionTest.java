package vn.motcua.delivery.waybill;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.testing.DevTokens;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Agency 999.00.00.T01 (test profile) sends with operator TINYPOST, which has no waybill range: orders wait in a
 * clear state with an alert metric, and leave as soon as an administrator adds a range.
 */
@QuarkusTest
class WaybillExhaustionTest {

    private static final String TEST_AGENCY = "999.00.00.T01";

    /** Metrics are served on the management interface only. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void orders_wait_for_a_waybill_and_leave_when_a_range_is_added() {
        Events.Dossier first = Events.Dossier.of(TEST_AGENCY, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(first, "ONLINE", Events.address("01", "00007"));
        JsonPath waiting = Api.awaitOrder(first.code(), "RESULT_RETURN");
        assertThat(waiting.getString("status")).isEqualTo("WAITING_FOR_WAYBILL");
        assertThat(waiting.getString("trackingNumber")).isNull();
        assertThat(waiting.getList("timeline.entry")).contains("CREATED", "WAITING_FOR_WAYBILL");
        given().get("http://localhost:" + management.getPort() + "/q/metrics").then().statusCode(200)
                .body(containsString("motcua_delivery_waybill_exhausted_total{operator=\"TINYPOST\""));

        Map<String, Object> range = Map.of("operatorCode", "TINYPOST", "prefix", "TP", "suffix", "VN",
                "firstSerial", 1, "lastSerial", 1);
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json").body(range)
                .post("/api/v1/deliveries/admin/waybill-ranges").then().statusCode(403);
        given().auth().oauth2(Api.ADMIN).contentType("application/json")
                .body(Map.of("operatorCode", "TINYPOST", "prefix", "tp", "suffix", "VN", "firstSerial", 5, "lastSerial", 1))
                .post("/api/v1/deliveries/admin/waybill-ranges").then().statusCode(400);
        String key = "range-" + UUID.randomUUID();
        given().auth().oauth2(Api.ADMIN).header("Idempotency-Key", key).contentType("application/json").body(range)
                .post("/api/v1/deliveries/admin/waybill-ranges").then().statusCode(201)
                .body("remaining", equalTo(1));
        given().auth().oauth2(Api.ADMIN).header("Idempotency-Key", key).contentType("application/json").body(range)
                .post("/api/v1/deliveries/admin/waybill-ranges").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        given().auth().oauth2(Api.ADMIN).contentType("application/json").body(range)
                .post("/api/v1/deliveries/admin/waybill-ranges").then().statusCode(409)
                .body("code", equalTo("WAYBILL_RANGE_OVERLAPS"));

        JsonPath dispatched = Api.awaitStatus(waiting.getString("id"), "DISPATCHED");
        assertThat(dispatched.getString("trackingNumber")).isEqualTo(S10.of("TP", 1, "VN"));
        given().auth().oauth2(Api.ADMIN).queryParam("operatorCode", "TINYPOST").get("/api/v1/deliveries/admin/waybill-ranges")
                .then().statusCode(200).body("[0].remaining", equalTo(0));

        // the one number is used: the next order waits again
        Events.Dossier second = Events.Dossier.of(TEST_AGENCY, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(second, "ONLINE", Events.address("01", "00007"));
        assertThat(Api.awaitOrder(second.code(), "RESULT_RETURN").getString("status")).isEqualTo("WAITING_FOR_WAYBILL");
        given().auth().oauth2(DevTokens.officer("cb-1", TEST_AGENCY)).queryParam("status", "WAITING_FOR_WAYBILL")
                .get("/api/v1/deliveries").then().statusCode(200).body("total", equalTo(1));
    }
}
