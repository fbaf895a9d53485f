package vn.motcua.delivery.order;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.delivery.support.TestOperator;
import vn.motcua.delivery.support.TopicReader;
import vn.motcua.testing.DevTokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Officers list their agency's orders, change an address or cancel before pickup; every change is audited. */
@QuarkusTest
class OfficerActionsTest {

    private static TopicReader postalOrders;
    private static TopicReader deliveryEvents;
    private static final String OTHER_AGENCY_OFFICER = DevTokens.officer("cb-077", "000.21.27.H29");

    @BeforeAll
    static void readers() {
        postalOrders = new TopicReader(Topics.POSTAL_ORDERS);
        deliveryEvents = new TopicReader(Topics.DELIVERY);
    }

    @AfterAll
    static void close() {
        postalOrders.close();
        deliveryEvents.close();
    }

    private static JsonPath dispatched(String channel) {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, channel, Events.address("01", "00007"));
        return Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
    }

    private static Map<String, Object> address(String province, String commune) {
        return Map.of("name", "Trần Thị Bình", "phone", "0987654321", "street", "Số 5 đường Nguyễn Huệ",
                "communeCode", commune, "communeName", "Phường Sài Gòn", "provinceCode", province,
                "provinceName", "Thành phố Hồ Chí Minh");
    }

    @Test
    void officers_list_their_agency_by_status_and_never_see_another_agency() {
        JsonPath order = dispatched("ONLINE");
        String id = order.getString("id");
        given().auth().oauth2(Api.OFFICER_BA_DINH).queryParam("status", "DISPATCHED").queryParam("size", 100)
                .get("/api/v1/deliveries").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.agencyCode", not(hasItem("000.21.27.H29")))
                .body("items.status", not(hasItem("DELIVERED")));
        given().auth().oauth2(OTHER_AGENCY_OFFICER).queryParam("size", 100).get("/api/v1/deliveries").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(OTHER_AGENCY_OFFICER).get("/api/v1/deliveries/" + id).then().statusCode(404);
        given().auth().oauth2(OTHER_AGENCY_OFFICER).contentType("application/json")
                .body(Map.of("version", order.getLong("version"), "reason", "thử"))
                .post("/api/v1/deliveries/" + id + "/cancellation").then().statusCode(404);
        given().auth().oauth2(Api.OFFICER_BA_DINH).queryParam("status", "TELEPORTED").get("/api/v1/deliveries")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        given().auth().oauth2(Api.OFFICER_BA_DINH).queryParam("size", 101).get("/api/v1/deliveries")
                .then().statusCode(400);
        given().auth().oauth2(Api.ADMIN).get("/api/v1/deliveries").then().statusCode(200)
                .body("size", equalTo(20)).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/v1/deliveries").then().statusCode(401);
        given().auth().oauth2(DevTokens.subject("x-1", "officer").sign()).get("/api/v1/deliveries").then().statusCode(403);
    }

    @Test
    void the_address_changes_before_pickup_the_fee_is_repriced_the_operator_is_told_and_it_is_audited() {
        JsonPath order = dispatched("COUNTER");
        String id = order.getString("id");
        String tracking = order.getString("trackingNumber");
        long version = order.getLong("version");
        assertThat(order.getLong("postalFeeVnd")).isEqualTo(27_000);

        change(id, version + 7, address("79", "26734")).statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        change(id, version, address("79", "ABCDE")).statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", hasItem("address.communeCode"));
        change(id, version, address("7", "26734")).statusCode(400).body("violations.field", hasItem("address.provinceCode"));
        given().auth().oauth2(DevTokens.citizen("cd-001")).contentType("application/json")
                .body(Map.of("version", version, "address", address("79", "26734"), "reason", "chuyển"))
                .post("/api/v1/deliveries/" + id + "/address-change").then().statusCode(403);

        JsonPath changed = change(id, version, address("79", "26734")).statusCode(200).extract().jsonPath();
        assertThat(changed.getString("receiver.provinceCode")).isEqualTo("79");
        assertThat(changed.getString("receiver.name")).isEqualTo("Trần Thị Bình");
        assertThat(changed.getLong("postalFeeVnd")).isEqualTo(37_000); // another province now
        assertThat(changed.getLong("cashOnDeliveryVnd")).isEqualTo(37_000);
        assertThat(changed.getLong("version")).isGreaterThan(version);

        PostalOperatorMessages.OrderAmended amended = CloudEventCodec.dataAs(postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_AMENDED.equals(r.event().type())).event(), PostalOperatorMessages.OrderAmended.class);
        assertThat(amended.change()).isEqualTo("ADDRESS_CHANGED");
        assertThat(amended.order().receiver().communeCode()).isEqualTo("26734");
        assertThat(amended.order().cashOnDeliveryVnd()).isEqualTo(37_000);

        JsonPath audit = given().auth().oauth2(Api.OFFICER_BA_DINH).get("/api/v1/deliveries/" + id + "/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("action")).containsExactly("ADDRESS_CHANGE");
        assertThat(audit.getString("[0].actor")).isEqualTo("cb-001");
        assertThat(audit.getString("[0].clientIp")).isNotBlank();
        assertThat(audit.getString("[0].before")).contains("00007");
        assertThat(audit.getString("[0].after")).contains("26734").contains("Trần Thị Bình");
        given().auth().oauth2(DevTokens.citizen("cd-001")).get("/api/v1/deliveries/" + id + "/audit").then().statusCode(403);
    }

    @Test
    void the_audit_records_the_address_the_gateway_established_never_the_clients_own_forwarded_for() {
        JsonPath order = dispatched("COUNTER");
        String id = order.getString("id");
        // issue 14 item 8: a client's X-Forwarded-For chose the address recorded against its actions
        JsonPath first = given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .header("X-Forwarded-For", "6.6.6.6")
                .body(Map.of("version", order.getLong("version"), "address", address("79", "26734"), "reason", "một"))
                .post("/api/v1/deliveries/" + id + "/address-change").then().statusCode(200).extract().jsonPath();
        // the gateway (here the loopback peer, a trusted gateway address by default) passes the client it saw
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .header(vn.motcua.web.request.ClientAddress.HEADER, "203.0.113.7")
                .body(Map.of("version", first.getLong("version"), "address", address("01", "00007"), "reason", "hai"))
                .post("/api/v1/deliveries/" + id + "/address-change").then().statusCode(200);

        List<String> addresses = given().auth().oauth2(Api.OFFICER_BA_DINH).get("/api/v1/deliveries/" + id + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("clientIp", String.class);
        assertThat(addresses).hasSize(2).contains("203.0.113.7").doesNotContain("6.6.6.6");
        assertThat(addresses).anyMatch(ip -> ip.equals("127.0.0.1") || ip.equals("0:0:0:0:0:0:0:1"));
    }

    @Test
    void cancelling_before_pickup_tells_the_operator_and_later_reports_cannot_revive_the_order() {
        JsonPath order = dispatched("ONLINE");
        String id = order.getString("id");
        String tracking = order.getString("trackingNumber");
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json").body(Map.of("version", order.getLong("version")))
                .post("/api/v1/deliveries/" + id + "/cancellation").then().statusCode(400); // a reason is required
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .body(Map.of("version", order.getLong("version"), "reason", "Công dân nhận trực tiếp tại bộ phận một cửa"))
                .post("/api/v1/deliveries/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        PostalOperatorMessages.OrderCancelled cancelled = CloudEventCodec.dataAs(postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_CANCELLED.equals(r.event().type())).event(), PostalOperatorMessages.OrderCancelled.class);
        assertThat(cancelled.reason()).contains("bộ phận một cửa");
        DeliveryEvents.StatusChanged changed = CloudEventCodec.dataAs(deliveryEvents.awaitOne(r -> order.getString("dossierId").equals(r.key())
                && DeliveryEvents.STATUS_CHANGED.equals(r.event().type())).event(), DeliveryEvents.StatusChanged.class);
        assertThat(changed.previousStatus()).isEqualTo("DISPATCHED");
        assertThat(changed.order().status()).isEqualTo("CANCELLED");

        new TestOperator("VNPOST").overRest(List.of(TestOperator.report(tracking, "PICKED_UP",
                        OffsetDateTime.now(CloudEventCodec.ZONE)))).statusCode(200)
                .body("results[0].outcome", equalTo("IGNORED_TERMINAL"));
        assertThat(Api.order(id).getString("status")).isEqualTo("CANCELLED");
        assertThat(given().auth().oauth2(Api.OFFICER_BA_DINH).get("/api/v1/deliveries/" + id + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("action")).containsExactly("CANCEL");
    }

    @Test
    void after_pickup_the_order_can_no_longer_be_cancelled_or_readdressed_and_redelivery_needs_a_failure() {
        JsonPath order = dispatched("ONLINE");
        String id = order.getString("id");
        new TestOperator("VNPOST").overRest(List.of(TestOperator.report(order.getString("trackingNumber"), "PICKED_UP",
                OffsetDateTime.now(CloudEventCodec.ZONE).minusMinutes(1)))).statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"));
        long version = Api.order(id).getLong("version");
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .body(Map.of("version", version, "reason", "muộn"))
                .post("/api/v1/deliveries/" + id + "/cancellation").then().statusCode(409)
                .body("code", equalTo("CANCEL_NOT_ALLOWED"));
        change(id, version, address("79", "26734")).statusCode(409).body("code", equalTo("ADDRESS_CHANGE_NOT_ALLOWED"));
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json").body(Map.of("version", version))
                .post("/api/v1/deliveries/" + id + "/redelivery").then().statusCode(409)
                .body("code", equalTo("REDELIVERY_NOT_ALLOWED"));
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json").body("{\"version\": \"two\"}")
                .post("/api/v1/deliveries/" + id + "/redelivery").then().statusCode(400);
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json").body(Map.of("version", version))
                .post("/api/v1/deliveries/" + UUID.randomUUID() + "/redelivery").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse change(String id, long version, Map<String, Object> address) {
        return given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .body(Map.of("version", version, "address", address, "reason", "Công dân đề nghị đổi nơi nhận"))
                .post("/api/v1/deliveries/" + id + "/address-change").then();
    }
}
