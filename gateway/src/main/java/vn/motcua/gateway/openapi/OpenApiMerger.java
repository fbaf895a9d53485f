package vn.motcua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one. Paths are kept as they are (every service serves its full
 * {@code /api/v1/...} paths, which are the gateway's too). Components are de-duplicated by name: an identical
 * component (the shared {@code Problem} schema, the JWT security scheme) appears once; a different one under a name
 * already taken is renamed {@code Name_service} and every {@code $ref} of that service is rewritten to it.
 * Tags are merged by name. Plain Java over Jackson trees.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] SECTIONS = {"schemas", "responses", "parameters", "examples", "requestBodies",
            "headers", "securitySchemes", "links", "callbacks", "pathItems"};

    private OpenApiMerger() {
    }

    /**
     * @param documents  each service's document, by service name, in a stable order
     * @param title      the merged document's title
     * @param version    its version
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, String title, String version) {
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", documents.values().stream()
                .map(d -> d.path("openapi").asText(""))
                .filter(v -> !v.isEmpty())
                .max(String::compareTo).orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", version);
        info.put("description", "All motcua services behind the gateway: " + String.join(", ", documents.keySet())
                + ". Each operation is served by the service named in its x-motcua-service.");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Map<String, JsonNode> security = new LinkedHashMap<>();

        for (Map.Entry<String, JsonNode> entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonNode document = entry.getValue().deepCopy();
            // Decide names first, so that references inside components are rewritten too. A component that is
            // identical in text but refers to a renamed one differs in meaning, hence the loop to a fixed point.
            Map<String, String> renames = new HashMap<>();
            JsonNode original = document;
            boolean changed = true;
            while (changed) {
                changed = false;
                document = original.deepCopy();
                rewriteRefs(document, renames);
                for (String section : SECTIONS) {
                    JsonNode own = document.path("components").path(section);
                    ObjectNode target = components.has(section) ? (ObjectNode) components.get(section) : null;
                    Iterator<Map.Entry<String, JsonNode>> fields = own.fields();
                    while (fields.hasNext()) {
                        Map.Entry<String, JsonNode> component = fields.next();
                        String name = component.getKey();
                        String ref = "#/components/" + section + "/" + name;
                        if (target != null && target.has(name) && !renames.containsKey(ref)
                                && !target.get(name).equals(component.getValue())) {
                            String renamed = name + "_" + service;
                            for (int n = 2; target.has(renamed); n++) {
                                renamed = name + "_" + service + n;
                            }
                            renames.put(ref, "#/components/" + section + "/" + renamed);
                            changed = true;
                        }
                    }
                }
            }
            for (String section : SECTIONS) {
                JsonNode own = document.path("components").path(section);
                if (!own.isObject() || own.isEmpty()) {
                    continue;
                }
                ObjectNode target = components.has(section) ? (ObjectNode) components.get(section) : components.putObject(section);
                Iterator<Map.Entry<String, JsonNode>> fields = own.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> component = fields.next();
                    String ref = renames.getOrDefault("#/components/" + section + "/" + component.getKey(),
                            "#/components/" + section + "/" + component.getKey());
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    if (!target.has(name)) {
                        target.set(name, component.getValue());
                    }
                }
            }
            Iterator<Map.Entry<String, JsonNode>> pathItems = document.path("paths").fields();
            while (pathItems.hasNext()) {
                Map.Entry<String, JsonNode> item = pathItems.next();
                ObjectNode pathItem = (ObjectNode) item.getValue();
                if (!paths.has(item.getKey())) {
                    pathItem.put("x-motcua-service", service);
                    paths.set(item.getKey(), pathItem);
                } else {
                    // two services claiming one path is a routing mistake; keep the first operation, note the clash
                    ObjectNode existing = (ObjectNode) paths.get(item.getKey());
                    pathItem.fields().forEachRemaining(op -> {
                        if (!existing.has(op.getKey())) {
                            existing.set(op.getKey(), op.getValue());
                        } else if (!op.getKey().startsWith("x-")) {
                            existing.withArray("x-motcua-conflicts").add(service + " " + op.getKey());
                        }
                    });
                }
            }
            for (JsonNode tag : document.path("tags")) {
                tags.putIfAbsent(tag.path("name").asText(), tag);
            }
            for (JsonNode requirement : document.path("security")) {
                security.putIfAbsent(requirement.toString(), requirement);
            }
        }
        if (!tags.isEmpty()) {
            ArrayNode tagArray = merged.putArray("tags");
            tags.values().forEach(tagArray::add);
        }
        if (!security.isEmpty()) {
            ArrayNode securityArray = merged.putArray("security");
            security.values().forEach(securityArray::add);
        }
        if (components.isEmpty()) {
            merged.remove("components");
        }
        return merged;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            Set<String> names = new HashSet<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                rewriteRefs(object.get(name), renames);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renames));
        }
    }
}
