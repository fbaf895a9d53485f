package vn.motcua.dossier.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.dossier.catalogue.RequiredDocument;

import java.util.List;

/** JSON held in text columns (value lists that are always read whole with their row). */
public final class JsonColumns {

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return CloudEventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + e.getMessage(), e);
        }
    }

    public static List<FeeLine> fees(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<FeeLine>>() { });
    }

    public static List<RequiredDocument> documents(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<RequiredDocument>>() { });
    }

    public static List<String> strings(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    public static PostalAddress address(String json) {
        return json == null ? null : read(json, new TypeReference<PostalAddress>() { });
    }
}
