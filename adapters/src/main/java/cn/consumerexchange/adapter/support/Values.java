package cn.consumerexchange.adapter.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import cn.consumerexchange.adapter.UntranslatableMessageException;

/**
 * Reads the scalar values of a native message. A value that is absent stays {@code null} (the contract's own checks
 * report missing fields); a value that is present but unreadable is an untranslatable message, with its native path.
 */
public final class Values {

    private Values() {
    }

    public static LocalDate date(String value, String path, String messageId) {
        return parse(value, LocalDate::parse, path, messageId, "a date such as 2026-10-02");
    }

    public static OffsetDateTime dateTime(String value, String path, String messageId) {
        return parse(value, OffsetDateTime::parse, path, messageId, "a date-time with offset such as "
                + "2026-11-20T10:15:00+08:00");
    }

    public static BigDecimal decimal(String value, String path, String messageId) {
        return parse(value, BigDecimal::new, path, messageId, "a decimal number such as 1299.00");
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path, String messageId) {
        return parse(value, v -> Enum.valueOf(type, v.toUpperCase()), path, messageId,
                "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static <T> T parse(String value, Function<String, T> parser, String path, String messageId,
            String expected) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new UntranslatableMessageException(messageId, path, "'" + value + "' is not " + expected);
        }
    }
}
