package vn.motcua.contracts.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Builds, writes and reads {@link CloudEvent}s. One mapper, configured once, so that every service produces the
 * same bytes: ISO-8601 times with offset, unknown fields ignored on read (consumers must tolerate newer producers).
 */
public final class CloudEventCodec {

    /** Business rules in Vietnam run on Indochina time; event times carry this offset (+07:00). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CloudEventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static CloudEvent create(String source, String type, String subject, Object payload) {
        return create(source, type, subject, payload, Clock.system(ZONE));
    }

    public static CloudEvent create(String source, String type, String subject, Object payload, Clock clock) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.now(clock), CloudEvent.JSON, MAPPER.valueToTree(payload));
    }

    public static byte[] write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be serialised", e);
        }
    }

    public static String writeString(CloudEvent event) {
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /** @throws MalformedEventException when the bytes are not a CloudEvents 1.0 JSON envelope */
    public static CloudEvent read(byte[] json) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (Exception e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("unsupported specversion " + event.specversion(), null);
        }
        return event;
    }

    public static <T> T dataAs(CloudEvent event, Class<T> payloadType) {
        try {
            return MAPPER.treeToValue(event.data(), payloadType);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " " + event.id() + " is not a "
                    + payloadType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
