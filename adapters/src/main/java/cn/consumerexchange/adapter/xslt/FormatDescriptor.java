package cn.consumerexchange.adapter.xslt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.adapter.MappingException;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * A declarative format's {@code format.json}: its name, what its native messages are written in, their media type,
 * the contract message types it carries, and for csv the record layout.
 *
 * @param messageIdPath optional XPath over the native message as the stylesheets see it, naming the message id, so
 *                      a message whose translation fails can still be answered
 * @param nativeFields  optional: for contract field paths (without {@code [n]} indices), the native field they are
 *                      read from, so that a rejection says what to fix in the partner's own terms
 * @param notCarried    optional: contract message types the format deliberately does not carry, each with the reason
 *                      (e.g. the partner's system has no such procedure), which a refusal of such a message quotes
 */
record FormatDescriptor(String format, NativeKind nativeKind, String mediaType, Set<MessageKind> messageTypes,
        CsvLayout csv, String messageIdPath, Map<String, String> nativeFields, Map<MessageKind, String> notCarried) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code [2]} of {@code Request[2]}: one native field feeds every repetition. */
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    FormatDescriptor {
        // An EnumSet copy, because an immutable Set.copyOf throws on contains(null).
        messageTypes = Collections.unmodifiableSet(EnumSet.copyOf(messageTypes));
        nativeFields = Map.copyOf(nativeFields);
        notCarried = Map.copyOf(notCarried);
    }

    /** The native field a contract path is read from, e.g. {@code Case/Trader/USCC}. */
    Optional<String> nativeField(String contractPath) {
        return Optional.ofNullable(nativeFields.get(INDEX.matcher(contractPath).replaceAll("")));
    }

    /** Why the format does not carry {@code type}, when {@code format.json} says. */
    Optional<String> notCarriedReason(MessageKind type) {
        // An immutable map throws on get(null); a message without a type has no reason to quote.
        return type == null ? Optional.empty() : Optional.ofNullable(notCarried.get(type));
    }

    /**
     * @throws MappingException naming {@code file} when the JSON is unreadable, a required key is missing, or a type
     *                          is declared both carried and not carried
     */
    static FormatDescriptor parse(String file, byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MappingException(file, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException(file, "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MappingException(file, "expected a JSON object");
        }
        NativeKind kind = enumValue(NativeKind.class, required(root, "nativeKind", file), "nativeKind", file);
        Set<MessageKind> carried = messageTypes(root, file);
        return new FormatDescriptor(
                required(root, "format", file),
                kind,
                required(root, "mediaType", file),
                carried,
                kind == NativeKind.CSV ? csvLayout(root.get("csv"), file) : null,
                root.hasNonNull("messageId") ? root.get("messageId").asText() : null,
                nativeFields(root.get("nativeFields"), file),
                notCarried(root.get("notCarried"), carried, file));
    }

    private static Map<MessageKind, String> notCarried(JsonNode declared, Set<MessageKind> carried, String file) {
        if (declared == null) {
            return Map.of();
        }
        if (!declared.isObject()) {
            throw new MappingException(file, "\"notCarried\" must map message types to why they are not carried");
        }
        Map<MessageKind, String> reasons = new EnumMap<>(MessageKind.class);
        declared.fields().forEachRemaining(entry -> {
            MessageKind type = enumValue(MessageKind.class, entry.getKey(), "notCarried", file);
            if (carried.contains(type)) {
                throw new MappingException(file, "\"notCarried\": " + type + " is also listed in \"messageTypes\"");
            }
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw new MappingException(file, "\"notCarried\": " + type + " needs the reason, as text");
            }
            reasons.put(type, entry.getValue().asText());
        });
        return reasons;
    }

    private static Map<String, String> nativeFields(JsonNode fields, String file) {
        if (fields == null) {
            return Map.of();
        }
        if (!fields.isObject()) {
            throw new MappingException(file, "\"nativeFields\" must map contract paths to native fields");
        }
        Map<String, String> byPath = new HashMap<>();
        fields.fields().forEachRemaining(field -> byPath.put(field.getKey(), field.getValue().asText()));
        return byPath;
    }

    private static Set<MessageKind> messageTypes(JsonNode root, String file) {
        JsonNode types = root.get("messageTypes");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw new MappingException(file, "\"messageTypes\" must list at least one contract message type");
        }
        Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        types.forEach(type -> kinds.add(enumValue(MessageKind.class, type.asText(), "messageTypes", file)));
        return kinds;
    }

    private static CsvLayout csvLayout(JsonNode csv, String file) {
        if (csv == null || !csv.isObject()) {
            throw new MappingException(file, "a csv format needs a \"csv\" object with \"separator\" and \"columns\"");
        }
        String separator = csv.path("separator").asText(",");
        if (separator.length() != 1) {
            throw new MappingException(file, "\"csv.separator\" must be one character, not '" + separator + "'");
        }
        List<String> columns = new ArrayList<>();
        csv.path("columns").forEach(column -> columns.add(column.asText()));
        if (columns.isEmpty()) {
            throw new MappingException(file, "\"csv.columns\" must name the columns in order");
        }
        List<Integer> earlierCounts = new ArrayList<>();
        for (JsonNode count : csv.path("earlierColumnCounts")) {
            if (!count.canConvertToInt() || count.asInt() < 1 || count.asInt() >= columns.size()) {
                throw new MappingException(file, "\"csv.earlierColumnCounts\" must be numbers of columns below "
                        + columns.size() + ", not " + count);
            }
            earlierCounts.add(count.asInt());
        }
        return new CsvLayout(separator.charAt(0), columns, earlierCounts);
    }

    private static String required(JsonNode root, String key, String file) {
        JsonNode value = root.get(key);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MappingException(file, "\"" + key + "\" is required");
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String key, String file) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MappingException(file, "\"" + key + "\": '" + value + "' is not one of "
                    + EnumSet.allOf(type));
        }
    }
}
