package vn.motcua.gateway.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: a booking confirmation (a POST) answered {@code 502 UPSTREAM_ERROR (HttpClosedException)} because
 * the upstream closed the pooled keep-alive connection just as the gateway sent the request on it. The upstream here
 * ({@link vn.motcua.gateway.support.IdleClosingUpstream}) closes connections idle for 3 s exactly when the next request
 * arrives on them; the gateway's pool (test setting: 1 s) must have let them go before.
 */
@QuarkusTest
class StaleConnectionTest {

    @Test
    void a_post_after_the_upstreams_idle_timeout_goes_on_a_fresh_connection_and_is_answered_once() throws Exception {
        Response first = given().contentType("application/json").body("{\"slot\":1}")
                .post("/api/v1/test/idle-closing/bookings/b-1/confirm");
        assertThat(first.statusCode()).isEqualTo(200);
        int before = first.path("served");

        // longer than the upstream's idle limit: a connection still pooled now would be closed under the request
        Thread.sleep(3_500);

        Response second = given().contentType("application/json").body("{\"slot\":2}")
                .post("/api/v1/test/idle-closing/bookings/b-2/confirm");
        assertThat(second.statusCode()).as(second.body().asString()).isEqualTo(200);
        assertThat((Integer) second.path("served")).as("the confirmation reached the service once").isEqualTo(before + 1);
    }
}
