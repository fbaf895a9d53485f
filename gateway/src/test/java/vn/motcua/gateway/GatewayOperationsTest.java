package vn.motcua.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Health, metrics (with route templates, not raw paths) and the gateway's own headers on its own endpoints. */
@QuarkusTest
class GatewayOperationsTest {

    @Test
    void health_is_up_and_public() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void metrics_tag_proxied_requests_with_the_route_template() {
        given().get("/api/v1/tracking/000.00.12.H29-261123-0042").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("uri=\"/api/v1/tracking/**\"");
        assertThat(metrics).doesNotContain("261123-0042");
    }

    @Test
    void own_endpoints_carry_request_id_and_security_headers() {
        var response = given().get("/q/health/ready");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
