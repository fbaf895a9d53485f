package vn.motcua.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * What every motcua service promises its operators: readiness that includes the database but not Kafka (the
 * outbox absorbs a broker outage, so a service without Kafka still serves), liveness, Prometheus metrics with the
 * outbox backlog, and an OpenAPI document. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class OperationsEndpointsContract {

    /** The {@code info.title} of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    @Test
    void readiness_checks_the_database_and_not_kafka() throws InterruptedException {
        awaitConsumerJoined();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(not(containsString("Kafka")));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    /**
     * A service is not ready until its event consumer joined its group (so that a journey started right after
     * "ready" is handled at once); that takes a moment after start-up.
     */
    private static void awaitConsumerJoined() throws InterruptedException {
        for (int i = 0; i < 600 && given().when().get("/q/health/ready").statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void metrics_and_openapi_are_served() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                .body(containsString("motcua_outbox_pending"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()));
    }
}
