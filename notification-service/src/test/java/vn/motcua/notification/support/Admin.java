package vn.motcua.notification.support;

import io.restassured.path.json.JsonPath;
import vn.motcua.testing.DevTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Reads the admin API of messages, as the tests' eyes on delivery status. */
public final class Admin {

    private Admin() {
    }

    public static String token() {
        return DevTokens.admin("ad-test");
    }

    public static List<Map<String, Object>> messagesOf(String sourceEventId) {
        JsonPath json = given().auth().oauth2(token()).queryParam("sourceEventId", sourceEventId).queryParam("size", 100)
                .get("/api/v1/notifications/admin/messages").then().statusCode(200).extract().jsonPath();
        return json.getList("items");
    }

    public static Map<String, Object> messageOf(String sourceEventId, String channel) {
        return messagesOf(sourceEventId).stream().filter(m -> channel.equals(m.get("channel"))).findFirst().orElse(null);
    }

    public static String statusOf(String sourceEventId, String channel) {
        Map<String, Object> m = messageOf(sourceEventId, channel);
        return m == null ? null : (String) m.get("status");
    }

    public static String randomMobile() {
        return "09" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }
}
