package vn.motcua.delivery.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.order.DeliveryStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published documents say what the code does: the AsyncAPI files name our topics, message types and statuses,
 * and the served OpenAPI documents the operator's REST path with its errors.
 */
@QuarkusTest
class ContractDocumentsTest {

    private static JsonNode yaml(String name) throws IOException {
        Path file = Path.of("..", "docs", "asyncapi", name);
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    }

    private static List<String> texts(JsonNode node) {
        List<String> all = new ArrayList<>();
        node.findValues("const").forEach(v -> all.add(v.asText()));
        node.findValues("name").forEach(v -> all.add(v.asText()));
        node.findValues("address").forEach(v -> all.add(v.asText()));
        node.findValues("enum").forEach(v -> v.forEach(e -> all.add(e.asText())));
        return all;
    }

    @Test
    void the_operator_contract_names_our_topics_types_and_statuses() throws IOException {
        JsonNode doc = yaml("postal-operator.yaml");
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> texts = texts(doc);
        assertThat(texts).contains(Topics.POSTAL_ORDERS, Topics.POSTAL_STATUS_REPORTS,
                Topics.deadLetterOf(Topics.POSTAL_STATUS_REPORTS),
                PostalOperatorMessages.ORDER_CREATED, PostalOperatorMessages.ORDER_AMENDED,
                PostalOperatorMessages.ORDER_CANCELLED, PostalOperatorMessages.REDELIVERY_REQUESTED,
                PostalOperatorMessages.STATUS_REPORT_REJECTED, PostalOperatorMessages.STATUS_REPORT);
        for (DeliveryStatus reportable : DeliveryStatus.REPORTABLE) {
            assertThat(texts).contains(reportable.name());
        }
        assertThat(doc.at("/components/schemas/StatusReport/required").toString()).contains("reportId", "trackingNumber");
    }

    @Test
    void the_service_events_document_names_every_delivery_event_type() throws IOException {
        JsonNode doc = yaml("postal-delivery-service.yaml");
        assertThat(texts(doc)).contains(Topics.DELIVERY, DeliveryEvents.REQUESTED, DeliveryEvents.DISPATCHED,
                DeliveryEvents.STATUS_CHANGED, DeliveryEvents.DELIVERED, DeliveryEvents.FAILED, DeliveryEvents.RETURNED,
                DeliveryEvents.SLA_BREACHED);
    }

    @Test
    void openapi_documents_the_operator_endpoint_and_every_delivery_endpoint_with_problems() {
        JsonPath openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openapi.getMap("paths").keySet()).contains("/api/v1/deliveries", "/api/v1/deliveries/{id}",
                "/api/v1/deliveries/by-dossier/{dossierCode}", "/api/v1/deliveries/{id}/cancellation",
                "/api/v1/deliveries/{id}/address-change", "/api/v1/deliveries/{id}/redelivery",
                "/api/v1/deliveries/{id}/audit", "/api/v1/deliveries/operator/status-reports",
                "/api/v1/deliveries/admin/waybill-ranges");
        String reports = "paths.'/api/v1/deliveries/operator/status-reports'.post";
        assertThat(openapi.getString(reports + ".summary")).contains("batch");
        assertThat(openapi.getMap(reports + ".responses").keySet()).contains("200", "400", "401", "403");
        assertThat(openapi.getMap("components.schemas").keySet()).contains("Problem", "StatusReportBatch",
                "StatusReportBatchResponse", "Delivery");
    }
}
