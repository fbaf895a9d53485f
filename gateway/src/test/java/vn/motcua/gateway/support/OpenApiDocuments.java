package vn.motcua.gateway.support;

/**
 * Small OpenAPI documents as the services would serve them: each with its own paths, all sharing an identical
 * {@code Problem} schema and security scheme, and two of them with different schemas under the same name
 * ({@code Receipt}), which the merge must keep apart.
 */
final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    static String of(String service) {
        String paths = switch (service) {
            case "dossier" -> path("/api/v1/dossiers", "listDossiers", "Receipt")
                    + "," + path("/api/v1/procedures", "listProcedures", "Problem");
            case "appointment" -> path("/api/v1/appointments/bookings", "listBookings", "Problem");
            case "payment" -> path("/api/v1/payments", "listPayments", "Receipt");
            case "postal-delivery" -> path("/api/v1/deliveries", "listDeliveries", "Problem");
            case "notification" -> path("/api/v1/notifications", "listNotifications", "Problem");
            default -> path("/api/v1/" + service, "list" + service, "Problem");
        };
        String receipt = service.equals("payment")
                ? "\"Receipt\":{\"type\":\"object\",\"properties\":{\"receiptNumber\":{\"type\":\"string\"},\"amount\":{\"type\":\"integer\"}}},"
                : "\"Receipt\":{\"type\":\"object\",\"properties\":{\"dueAt\":{\"type\":\"string\",\"format\":\"date-time\"}}},";
        return "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + service + "-service\",\"version\":\"0.1.0\"},"
                + "\"tags\":[{\"name\":\"" + service + "\"}],"
                + "\"paths\":{" + paths + "},"
                + "\"components\":{\"schemas\":{" + receipt
                + "\"Problem\":{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\"},\"status\":{\"type\":\"integer\"}}}},"
                + "\"securitySchemes\":{\"SecurityScheme\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}}}";
    }

    private static String path(String path, String operationId, String schema) {
        return "\"" + path + "\":{\"get\":{\"operationId\":\"" + operationId + "\",\"responses\":{\"200\":{\"description\":\"OK\","
                + "\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/" + schema + "\"}}}}}}}";
    }
}
