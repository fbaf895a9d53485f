package vn.motcua.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Tokens;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits with the shared buckets in a real Redis: per subject (3 requests, then 429 with Retry-After, while
 * another subject goes on), per IP on a public route, and the buckets really live in Redis — a bucket emptied there
 * (as another gateway instance would) refuses here.
 */
@QuarkusTest
class RateLimitTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Inject
    Redis redis;

    @Test
    void a_subject_gets_its_burst_then_429_with_retry_after_while_others_go_on() {
        String alice = Tokens.withRole("rl-alice-" + UUID.randomUUID(), "citizen");
        String bob = Tokens.withRole("rl-bob-" + UUID.randomUUID(), "citizen");
        for (int i = 0; i < 3; i++) {
            assertThat(given().auth().oauth2(alice).get("/api/v1/test/limited/x").statusCode()).as("request %d", i).isEqualTo(200);
        }
        Response refused = given().auth().oauth2(alice).get("/api/v1/test/limited/x");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat((Object) refused.path("code")).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(given().auth().oauth2(bob).get("/api/v1/test/limited/x").statusCode()).isEqualTo(200);

        Response health = given().get("http://localhost:" + management.getPort() + "/q/health/well");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.asString()).contains("rate-limiter").contains("\"store\": \"redis\"");
    }

    @Test
    void the_buckets_are_shared_through_redis() throws Exception {
        String subject = "rl-shared-" + UUID.randomUUID();
        String token = Tokens.withRole(subject, "officer");
        assertThat(given().auth().oauth2(token).get("/api/v1/test/limited/x").statusCode()).isEqualTo(200);
        String key = "motcua:ratelimit:tight:sub:" + subject;
        assertThat(redis.send(Request.cmd(Command.HGET).arg(key).arg("tokens")).toCompletionStage()
                .toCompletableFuture().get(5, TimeUnit.SECONDS).toString()).startsWith("2");
        // another gateway instance spends the rest of the bucket
        redis.send(Request.cmd(Command.HSET).arg(key).arg("tokens").arg("0")).toCompletionStage()
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(given().auth().oauth2(token).get("/api/v1/test/limited/x").statusCode()).isEqualTo(429);
    }

    @Test
    void an_ip_is_limited_on_public_routes_too() {
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            int status = given().get("/api/v1/test/limited-public/x").statusCode();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(ok).isEqualTo(4);
        assertThat(limited).isEqualTo(2);
    }
}
