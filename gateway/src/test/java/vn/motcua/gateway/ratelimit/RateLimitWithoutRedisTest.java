package vn.motcua.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.RedisUnreachableProfile;
import vn.motcua.gateway.support.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Redis unreachable the gateway keeps serving and keeps limiting, with its own buckets, and says so in health
 * (wellness DOWN with the reason) while readiness stays UP.
 */
@QuarkusTest
@TestProfile(RedisUnreachableProfile.class)
class RateLimitWithoutRedisTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void requests_are_limited_locally_and_health_reports_it() {
        String carol = Tokens.withRole("rl-carol-" + UUID.randomUUID(), "citizen");
        for (int i = 0; i < 3; i++) {
            assertThat(given().auth().oauth2(carol).get("/api/v1/test/limited/x").statusCode()).as("request %d", i).isEqualTo(200);
        }
        Response refused = given().auth().oauth2(carol).get("/api/v1/test/limited/x");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat((Object) refused.path("code")).isEqualTo("RATE_LIMITED");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(given().auth().oauth2(Tokens.withRole("rl-dave-" + UUID.randomUUID(), "citizen"))
                .get("/api/v1/test/limited/x").statusCode()).isEqualTo(200);

        Response wellness = given().get("http://localhost:" + management.getPort() + "/q/health/well");
        assertThat(wellness.statusCode()).isEqualTo(503);
        assertThat(wellness.asString()).contains("rate-limiter").contains("local (Redis unreachable");
        assertThat(given().get("http://localhost:" + management.getPort() + "/q/health/ready").statusCode()).as("still ready: it serves").isEqualTo(200);
        assertThat(given().get("http://localhost:" + management.getPort() + "/q/health/live").statusCode()).isEqualTo(200);
    }
}
