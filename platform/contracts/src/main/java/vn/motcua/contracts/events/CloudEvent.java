package vn.motcua.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the envelope every motcua service writes to Kafka.
 *
 * <p>{@code data} stays a JSON tree so that a consumer can read the payload version it understands and ignore fields
 * it does not know; {@link CloudEventCodec#dataAs} turns it into a typed payload record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
