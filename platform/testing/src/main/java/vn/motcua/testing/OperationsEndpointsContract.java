package vn.motcua.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every motcua service promises its operators: readiness that includes the database and Kafka, liveness,
 * Prometheus metrics and an OpenAPI document. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class OperationsEndpointsContract {

    /** The {@code info.title} of the service's OpenAPI document. */
    protected abstract String openApiTitle();

    @Test
    void health_is_up_with_database_and_kafka_checks() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metrics_and_openapi_are_served() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo(openApiTitle()));
    }
}
