package vn.motcua.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What every motcua service promises its operators: readiness that includes the database but not Kafka (the
 * outbox absorbs a broker outage, so a service without Kafka still serves), liveness, Prometheus metrics with the
 * outbox backlog — all on the management port only, never on the public one — and an OpenAPI document on the public
 * port (the gateway merges it from there). A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class OperationsEndpointsContract {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** The {@code info.title} of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    /** A request to the management interface (health and metrics). */
    protected RequestSpecification management() {
        return given().baseUri("http://localhost").port(management.getPort());
    }

    @Test
    void readiness_checks_the_database_and_not_kafka() throws InterruptedException {
        awaitConsumerJoined();
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(not(containsString("Kafka")));
        management().when().get("/q/health/live").then().statusCode(200);
    }

    /**
     * A service is not ready until its event consumer joined its group (so that a journey started right after
     * "ready" is handled at once); that takes a moment after start-up.
     */
    private void awaitConsumerJoined() throws InterruptedException {
        for (int i = 0; i < 600 && management().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void metrics_and_openapi_are_served() {
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("motcua_outbox_pending"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()));
    }

    @Test
    void the_public_port_serves_neither_metrics_nor_health() {
        // issue 14 item 8: /q/metrics was public (JVM internals, request timings, outbox backlog for anyone)
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live"}) {
            given().when().get(path).then().statusCode(404);
        }
        management().when().get("/q/health/live").then().statusCode(200);
    }
}
