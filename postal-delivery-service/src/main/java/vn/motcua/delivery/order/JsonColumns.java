package vn.motcua.delivery.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;
import vn.motcua.contracts.events.CloudEventCodec;

/**
 * Small value objects stored as JSON text: they are always read and written whole, never queried by their parts
 * (the parts we filter on — agency, applicant — have columns of their own).
 */
final class JsonColumns {

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return value == null ? null : CloudEventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : CloudEventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    @Converter
    public static class PartyColumn implements AttributeConverter<Party, String> {
        @Override
        public String convertToDatabaseColumn(Party party) {
            return write(party);
        }

        @Override
        public Party convertToEntityAttribute(String json) {
            return read(json, Party.class);
        }
    }

    @Converter
    public static class ApplicantColumn implements AttributeConverter<Applicant, String> {
        @Override
        public String convertToDatabaseColumn(Applicant applicant) {
            return write(applicant);
        }

        @Override
        public Applicant convertToEntityAttribute(String json) {
            return read(json, Applicant.class);
        }
    }
}
