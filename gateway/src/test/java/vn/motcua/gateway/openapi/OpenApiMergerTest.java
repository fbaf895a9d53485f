package vn.motcua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String path, String schema, String schemaBody) throws Exception {
        return JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"x","version":"1"},"tags":[{"name":"shared"}],
                 "paths":{"%s":{"get":{"responses":{"200":{"description":"OK","content":{"application/json":
                   {"schema":{"$ref":"#/components/schemas/%s"}}}},
                   "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"%s":%s,
                   "Problem":{"type":"object","properties":{"code":{"type":"string"}}},
                   "Wrapper":{"type":"object","properties":{"item":{"$ref":"#/components/schemas/%s"}}}}}}
                """.formatted(path, schema, schema, schemaBody, schema));
    }

    @Test
    void paths_are_kept_identical_components_once_and_clashing_ones_renamed_with_their_refs() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("dossier", doc("/api/v1/dossiers", "Receipt", "{\"type\":\"object\",\"properties\":{\"dueAt\":{\"type\":\"string\"}}}"));
        docs.put("payment", doc("/api/v1/payments", "Receipt", "{\"type\":\"object\",\"properties\":{\"amount\":{\"type\":\"integer\"}}}"));

        ObjectNode merged = OpenApiMerger.merge(docs, "motcua API", "v1");

        assertThat(merged.path("paths").has("/api/v1/dossiers")).isTrue();
        assertThat(merged.path("paths").has("/api/v1/payments")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1payments/x-motcua-service").asText()).isEqualTo("payment");
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.has("Problem_payment")).as("identical components are de-duplicated").isFalse();
        assertThat(schemas.path("Receipt").path("properties").has("dueAt")).isTrue();
        assertThat(schemas.path("Receipt_payment").path("properties").has("amount")).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1payments/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Receipt_payment");
        assertThat(merged.at("/paths/~1api~1v1~1dossiers/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Receipt");
        assertThat(merged.at("/paths/~1api~1v1~1payments/get/responses/400/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        // a component referring to a renamed one follows it; being different now, it is renamed itself
        assertThat(schemas.path("Wrapper_payment").at("/properties/item/$ref").asText())
                .isEqualTo("#/components/schemas/Receipt_payment");
        assertThat(merged.path("tags")).hasSize(1);
        assertThat(merged.path("info").path("title").asText()).isEqualTo("motcua API");
    }
}
