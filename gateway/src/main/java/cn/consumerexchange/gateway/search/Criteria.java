package cn.consumerexchange.gateway.search;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.consumerexchange.gateway.web.OperatorRequestException;

/** Reads and checks what an operator typed into a search: unknown values are refused, never silently ignored. */
final class Criteria {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final ZoneId EXCHANGE_ZONE = MessageCriteria.EXCHANGE_ZONE;
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private Criteria() {
    }

    /** Blank is no criterion. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A value of {@code type}, upper-cased; refused with the values allowed when it is none of them. */
    static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid(name + " " + given + " is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String errorCode(String value) {
        String given = text(value);
        if (given != null && !ERROR_CODE.matcher(given.toUpperCase(Locale.ROOT)).matches()) {
            throw invalid("errorCode " + given + " is not an error code (e.g. INVALID_CREDIT_CODE)");
        }
        return given == null ? null : given.toUpperCase(Locale.ROOT);
    }

    /**
     * A time as ISO-8601: with an offset ({@code 2026-11-20T10:00:00+08:00}), without one in China Standard Time
     * ({@code 2026-11-20T10:00}, as a browser's date-time field sends it), or a date (its start).
     */
    static OffsetDateTime time(String name, String value) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        for (Function<String, OffsetDateTime> reading : READINGS) {
            try {
                return reading.apply(given);
            } catch (DateTimeParseException notThisForm) {
                // the next form
            }
        }
        throw invalid(name + " " + given + " is not a time such as 2026-11-20T10:00:00+08:00 or 2026-11-20");
    }

    private static final List<Function<String, OffsetDateTime>> READINGS = List.of(
            OffsetDateTime::parse,
            text -> LocalDateTime.parse(text).atZone(EXCHANGE_ZONE).toOffsetDateTime(),
            text -> LocalDate.parse(text).atStartOfDay(EXCHANGE_ZONE).toOffsetDateTime());

    static int page(Integer page) {
        if (page != null && page < 0) {
            throw invalid("page starts at 0");
        }
        return page == null ? 0 : page;
    }

    /** The page size asked for, at most {@value #MAX_SIZE}. */
    static int size(Integer size) {
        if (size != null && size < 1) {
            throw invalid("size must be at least 1");
        }
        return size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    /** A LIKE pattern that finds {@code code} at the start of a later line of an encoded reason. */
    static String laterReasonLine(String code) {
        return "%\n" + code.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "|%";
    }

    private static OperatorRequestException invalid(String detail) {
        return new OperatorRequestException(OperatorRequestException.Code.INVALID_CRITERIA, detail);
    }
}
