package vn.motcua.delivery.support;

import io.restassured.path.json.JsonPath;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Our REST API as its clients use it. */
public final class Api {

    public static final String ADMIN = DevTokens.admin("ad-1");
    public static final String OFFICER_BA_DINH = DevTokens.officer("cb-001", Events.BA_DINH);

    private Api() {
    }

    /** Waits until the dossier's order of {@code kind} exists (and matches), as the administrator sees it. */
    public static JsonPath awaitOrder(String dossierCode, String kind, Predicate<JsonPath> until) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath list = given().auth().oauth2(ADMIN).queryParam("dossierCode", dossierCode).queryParam("kind", kind)
                    .get("/api/v1/deliveries").then().statusCode(200).extract().jsonPath();
            if (list.getInt("total") == 0) {
                return false;
            }
            JsonPath order = order(list.getString("items[0].id"));
            found[0] = order;
            return until.test(order);
        });
        return found[0];
    }

    public static JsonPath awaitOrder(String dossierCode, String kind) {
        return awaitOrder(dossierCode, kind, o -> true);
    }

    public static JsonPath order(String id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/deliveries/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitStatus(String id, String status) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = order(id);
            return status.equals(found[0].getString("status"));
        });
        return found[0];
    }
}
