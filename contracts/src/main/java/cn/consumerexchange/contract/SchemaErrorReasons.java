package cn.consumerexchange.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the validator's messages about a bad value so that they state the rule broken without repeating the
 * value: Xerces quotes it whole, and it may be personal data or megabytes long. Only a short code-like value is
 * kept ({@link Excerpt}). The parts of a message after the value come from the schema, so they are found from the
 * end of the message; a value cannot fake them.
 */
final class SchemaErrorReasons {

    /** A reason, and whether the value broke a length limit (pattern facets are checked before lengths). */
    record Reason(String text, boolean tooLong) {
    }

    private static final String FACET_MARKER = "' is not facet-valid with respect to ";
    private static final String DATATYPE_MARKER = "' is not a valid value ";
    private static final String ELEMENT_MARKER = "' of element '";
    private static final String ATTRIBUTE_MARKER = "' of attribute '";
    private static final String VALUE_PREFIX = "Value '";

    private static final Pattern LENGTH_IN_HEAD = Pattern.compile("' with length = '(\\d+)$");
    private static final Pattern FACET_TAIL = Pattern.compile("^(\\w+) '(.*)' for type '([^']*)'\\.$");
    private static final Pattern ENUMERATION_TAIL = Pattern.compile("^enumeration '\\[(.*)]'\\..*$");
    private static final Pattern DIGITS_LIMIT = Pattern.compile("has been limited to (\\d+)\\.$");
    private static final Pattern LAST_QUOTED = Pattern.compile("'([^']*)'\\.$");

    private final SchemaOutline outline;

    SchemaErrorReasons(SchemaOutline outline) {
        this.outline = outline;
    }

    /** The reason for {@code message}, or empty when the message does not quote a value and may stand as it is. */
    Optional<Reason> rewrite(String key, String message) {
        return switch (key) {
            case "cvc-fractionDigits-valid" -> digits(message, "decimals");
            case "cvc-totalDigits-valid" -> digits(message, "digits");
            case "cvc-type.3.1.3" -> after(message, ELEMENT_MARKER)
                    .map(tail -> plain("The value of element '" + tail));
            case "cvc-attribute.3" -> after(message, ATTRIBUTE_MARKER)
                    .map(tail -> plain("The value of attribute '" + tail));
            default -> key.startsWith("cvc-datatype-valid") ? datatype(message) : facet(message);
        };
    }

    private Optional<Reason> facet(String message) {
        int marker = message.lastIndexOf(FACET_MARKER);
        if (marker < 0) {
            return Optional.empty();
        }
        String head = message.substring(0, marker);
        String tail = message.substring(marker + FACET_MARKER.length());
        Matcher length = LENGTH_IN_HEAD.matcher(head);
        String value = valueIn(length.find() ? head.substring(0, length.start()) : head);
        Matcher enumeration = ENUMERATION_TAIL.matcher(tail);
        if (enumeration.matches()) {
            return Optional.of(plain(subject(value) + " is not one of " + enumeration.group(1) + "."));
        }
        Matcher facet = FACET_TAIL.matcher(tail);
        if (!facet.matches()) {
            return Optional.of(plain(subject(value) + " is not valid."));
        }
        String name = facet.group(1);
        String limit = facet.group(2);
        String type = facet.group(3);
        int characters = value.length();
        return Optional.of(switch (name) {
            case "maxLength" -> tooLong(characters, limit);
            case "minLength" -> plain("The value has " + characters + " characters; at least " + limit
                    + " are required.");
            case "length" -> plain("The value has " + characters + " characters; exactly " + limit
                    + " are required.");
            case "pattern" -> outline.maxLength(type).filter(max -> characters > max)
                    .map(max -> tooLong(characters, String.valueOf(max)))
                    .orElseGet(() -> plain(subject(value) + " does not match the pattern of " + type + ": "
                            + limit + "."));
            case "minInclusive" -> plain(subject(value) + " is less than " + limit + ".");
            case "maxInclusive" -> plain(subject(value) + " is greater than " + limit + ".");
            default -> plain(subject(value) + " breaks the " + name + " facet of " + type + ".");
        });
    }

    private static Optional<Reason> digits(String message, String what) {
        Matcher limit = DIGITS_LIMIT.matcher(message);
        return Optional.of(plain(limit.find() ? "The value has more than " + limit.group(1) + " " + what + "."
                : "The value has too many " + what + "."));
    }

    private static Optional<Reason> datatype(String message) {
        int marker = message.lastIndexOf(DATATYPE_MARKER);
        if (marker < 0) {
            return Optional.empty();
        }
        Matcher type = LAST_QUOTED.matcher(message.substring(marker + 1));
        String value = message.startsWith("'") ? message.substring(1, marker) : "";
        return Optional.of(plain(subject(value) + " is not a valid " + (type.find() ? type.group(1) : "value")
                + "."));
    }

    private static Optional<String> after(String message, String marker) {
        int at = message.lastIndexOf(marker);
        return at < 0 ? Optional.empty() : Optional.of(message.substring(at + marker.length()));
    }

    private static String valueIn(String head) {
        return head.startsWith(VALUE_PREFIX) ? head.substring(VALUE_PREFIX.length()) : "";
    }

    private static String subject(String value) {
        String excerpt = Excerpt.quoted(value);
        return excerpt.isEmpty() ? "The value" : "Value" + excerpt;
    }

    private static Reason tooLong(int characters, String limit) {
        return new Reason("The value has " + characters + " characters; at most " + limit + " are allowed.", true);
    }

    private static Reason plain(String text) {
        return new Reason(text, false);
    }
}
