package vn.motcua.gateway.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: enumerate dossier codes and phone numbers through public tracking. One client address gets the
 * {@code tracking} burst (20) and then 429 with Retry-After, in the buckets every gateway instance shares (Redis);
 * dossier-service locks a code after five wrong numbers on top of this.
 */
@QuarkusTest
class TrackingRateLimitTest {

    @Inject
    Redis redis;

    /** Other tests of this application track from 127.0.0.1 too: each starts from a full bucket. */
    @BeforeEach
    @AfterEach
    void freshBucket() throws Exception {
        redis.send(Request.cmd(Command.DEL).arg("motcua:ratelimit:tracking:ip:127.0.0.1")).toCompletionStage()
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void one_client_gets_twenty_tracking_attempts_then_429() {
        int answered = 0;
        Response refused = null;
        for (int attempt = 0; attempt < 25 && refused == null; attempt++) {
            Response response = given().queryParam("phone", "09123456" + (10 + attempt))
                    .get("/api/v1/tracking/000.00.12.H29-261203-00" + (10 + attempt));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(20);
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat((Object) refused.path("code")).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }
}
