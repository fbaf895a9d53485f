package vn.motcua.gateway.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** One OpenAPI document merged from every service's /q/openapi, and Swagger UI at the gateway showing it. */
@QuarkusTest
class MergedOpenApiTest {

    @Test
    void the_merged_document_has_every_services_paths_and_shared_components_once() {
        Response response = given().get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath json = response.jsonPath();
        Map<String, Object> paths = json.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/dossiers", "/api/v1/procedures", "/api/v1/appointments/bookings",
                "/api/v1/payments", "/api/v1/deliveries", "/api/v1/notifications");
        assertThat(paths.keySet()).as("test-only upstreams stay out").noneMatch(p -> p.contains("/test/") || p.contains("flaky"));
        assertThat(json.getString("paths.'/api/v1/payments'.x-motcua-service")).isEqualTo("payment");
        Map<String, Object> schemas = json.getMap("components.schemas");
        assertThat(schemas).containsKeys("Problem", "Receipt", "Receipt_payment").doesNotContainKey("Problem_payment");
        assertThat(json.getString("paths.'/api/v1/payments'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Receipt_payment");
        assertThat(json.getMap("components.securitySchemes")).containsOnlyKeys("SecurityScheme");
        assertThat(json.getString("info.title")).isEqualTo("motcua API");
    }

    @Test
    void swagger_ui_is_served_and_points_at_the_merged_document() {
        Response ui = given().redirects().follow(true).get("/q/swagger-ui/");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.asString()).contains("/api/openapi.json");
    }
}
