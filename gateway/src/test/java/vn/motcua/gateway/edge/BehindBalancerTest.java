package vn.motcua.gateway.edge;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.BehindBalancerProfile;

import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway behind a trusted balancer (127.0.0.1 here, the test client): the client address in X-Forwarded-For is
 * believed, counted by the per-IP rate limit and passed on with the balancer appended.
 */
@QuarkusTest
@TestProfile(BehindBalancerProfile.class)
class BehindBalancerTest {

    private static String someClient() {
        return "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    @Test
    void the_balancers_chain_is_passed_on_with_the_balancer_appended() {
        Response echoed = given().header("X-Forwarded-For", "198.51.100.7").get("/api/v1/procedures");
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat((Object) echoed.path("headers.x-forwarded-for")).isEqualTo("198.51.100.7, 127.0.0.1");
        assertThat((Object) echoed.path("headers.x-motcua-client-ip")).as("the client the balancer saw, for audits")
                .isEqualTo("198.51.100.7");
    }

    @Test
    void each_client_behind_the_balancer_has_its_own_per_ip_limit() {
        String first = someClient();
        String second = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        int ok = 0;
        for (int i = 0; i < 6; i++) {
            if (given().header("X-Forwarded-For", first).get("/api/v1/test/limited-public/x").statusCode() == 200) {
                ok++;
            }
        }
        assertThat(ok).as("the tight-ip policy's burst for one client").isEqualTo(4);
        // the balancer's own address is not what is counted: another client behind it still gets through
        assertThat(given().header("X-Forwarded-For", second).get("/api/v1/test/limited-public/x").statusCode()).isEqualTo(200);
        // a forged left part does not buy a fresh bucket: the hop the balancer saw is what counts
        assertThat(given().header("X-Forwarded-For", "6.6.6.6, " + first).get("/api/v1/test/limited-public/x").statusCode())
                .isEqualTo(429);
    }
}
