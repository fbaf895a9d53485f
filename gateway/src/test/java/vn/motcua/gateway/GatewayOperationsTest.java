package vn.motcua.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Health and metrics (with route templates, not raw paths) on the management interface only, and the gateway's own
 * headers on its own endpoints.
 */
@QuarkusTest
class GatewayOperationsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void health_is_up_on_the_management_port() {
        given().get("http://localhost:" + management.getPort() + "/q/health/ready").then().statusCode(200).body(containsString("UP"));
        given().get("http://localhost:" + management.getPort() + "/q/health/live").then().statusCode(200);
        given().get("http://localhost:" + management.getPort() + "/q/health/started").then().statusCode(200);
    }

    @Test
    void metrics_tag_proxied_requests_with_the_route_template() {
        given().get("/api/v1/tracking/000.00.12.H29-261123-0042").then().statusCode(200);
        String metrics = given().get("http://localhost:" + management.getPort() + "/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count").contains("uri=\"/api/v1/tracking/**\"");
        assertThat(metrics).doesNotContain("261123-0042");
    }

    @Test
    void the_public_port_serves_neither_metrics_nor_health() {
        // issue 14 item 8: /q/metrics was public (route names, upstream timings, JVM internals for anyone)
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/well"}) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(management.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
    }

    @Test
    void own_endpoints_carry_request_id_and_security_headers() {
        var response = given().get("/api/openapi.json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
