package cn.consumerexchange.adapter.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Excerpt;
import cn.consumerexchange.contract.v1.Currency;

/**
 * Reads the scalar values of a native message. A value that is absent stays {@code null} (the contract's own checks
 * report missing fields); a value that is present but unreadable is refused with its native path, and with the
 * specific code where there is one. Reasons say what was expected, not what was sent.
 */
public final class Values {

    /** An amount of the contract has at most 18 digits; this leaves room for zeros, a sign and a point. */
    private static final int MAX_AMOUNT_CHARS = 40;
    private static final Pattern EXPONENT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Values() {
    }

    public static LocalDate date(String value, String path, String messageId) {
        return parse(value, LocalDate::parse, path, messageId, "a date such as 2026-10-02");
    }

    public static OffsetDateTime dateTime(String value, String path, String messageId) {
        return parse(value, OffsetDateTime::parse, path, messageId, "a date-time with offset such as "
                + "2026-11-20T10:15:00+08:00");
    }

    /**
     * An amount in plain digits, e.g. {@code 1299.00}. Its text is checked before it becomes a number: a value such
     * as {@code 1E+999999999} is short, but printing it in full would exhaust the heap. A bounded number the contract
     * refuses (negative, more than 2 decimals or 18 digits) is read as it is, so the contract's rules report it with
     * every other reason to refuse the message.
     *
     * @throws UntranslatableMessageException {@link ErrorCode#NUMBER_TOO_LARGE} for an exponent or a long text,
     *                                        {@link ErrorCode#INVALID_AMOUNT} for a text that is not a number
     */
    public static BigDecimal amount(String value, String path, String messageId) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_AMOUNT_CHARS) {
            throw refusal(messageId, ErrorCode.NUMBER_TOO_LARGE, path, "The amount has more than "
                    + MAX_AMOUNT_CHARS + " characters.");
        }
        if (EXPONENT.matcher(value).matches()) {
            throw refusal(messageId, ErrorCode.NUMBER_TOO_LARGE, path, "The amount has an exponent; write it"
                    + " out in digits such as 1299.00.");
        }
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw refusal(messageId, ErrorCode.INVALID_AMOUNT, path, "The amount is not a decimal number such as"
                    + " 1299.00.");
        }
        return new BigDecimal(value);
    }

    /** @throws UntranslatableMessageException {@link ErrorCode#UNSUPPORTED_CURRENCY} for any other currency */
    public static Currency currency(String value, String path, String messageId) {
        if (value == null) {
            return null;
        }
        try {
            return Currency.fromValue(value);
        } catch (IllegalArgumentException e) {
            throw refusal(messageId, ErrorCode.UNSUPPORTED_CURRENCY, path, subject(value) + " is not one of "
                    + Arrays.stream(Currency.values()).map(Currency::value).toList() + ".");
        }
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String path, String messageId) {
        return parse(value, v -> Enum.valueOf(type, v.toUpperCase()), path, messageId,
                "one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static <T> T parse(String value, Function<String, T> parser, String path, String messageId,
            String expected) {
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw refusal(messageId, ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, path,
                    subject(value) + " is not " + expected + ".");
        }
    }

    private static String subject(String value) {
        String excerpt = Excerpt.quoted(value);
        return excerpt.isEmpty() ? "The value" : "Value" + excerpt;
    }

    private static UntranslatableMessageException refusal(String messageId, ErrorCode code, String path,
            String reason) {
        return new UntranslatableMessageException(messageId, code, path, reason);
    }
}
