package vn.motcua.dossier.common;

import vn.motcua.web.problem.CommonProblems;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Query parameters parsed by hand, so that a bad value is a 400 naming the parameter, never a 404 or a 500. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.InvalidInput(name, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommonProblems.InvalidInput(name, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    public static OffsetDateTime dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // a '+' of the offset sent unencoded in a query string arrives as a space
            return OffsetDateTime.parse(value.trim().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw new CommonProblems.InvalidInput(name, "'" + value + "' is not an ISO-8601 date-time with offset");
        }
    }

    public static void maxLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw new CommonProblems.InvalidInput(name, "must be at most " + max + " characters");
        }
    }
}
