package cn.consumerexchange.adapter.support;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.XmlCharacters;

/**
 * Reads a JSON message once, token by token, before anything builds a tree of it, and refuses what could be read
 * more than one way or costs more than it carries: a key twice in one object or content after the top-level value
 * ({@link ErrorCode#AMBIGUOUS_DOCUMENT}), nesting deeper than {@value #MAX_DEPTH} levels, a number of more than
 * {@value #MAX_NUMBER_CHARS} characters or with an exponent (refused from its text, before any {@code BigDecimal}
 * expands it), a string longer than {@value #MAX_STRING_CHARS} characters (twice the contract's longest text), and a
 * character XML cannot carry. Reasons give line and column, never the content.
 */
public final class StrictJson {

    public static final int MAX_DEPTH = 32;
    public static final int MAX_NUMBER_CHARS = 40;
    public static final int MAX_STRING_CHARS = 40_000;

    /**
     * Jackson's own number limit stops a long number while it is read; strings are checked here, with their path
     * (Jackson's string limit would fire first and without one, and on 1 MiB of input there is nothing to save).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_CHARS).build())
            .build();
    /** A key a path may name as it is; any other is written {@code [?]}, since paths go back to the sender. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,32}");

    private final JsonParser parser;
    /** The keys seen in each open object; an empty set for an open array. */
    private final Deque<Set<String>> open = new ArrayDeque<>();

    private StrictJson(JsonParser parser) {
        this.parser = parser;
    }

    /** @throws UntranslatableMessageException with the code of the first fault, at its JSON path */
    public static void check(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            new StrictJson(parser).readDocument();
        } catch (StreamConstraintsException e) {
            throw refusal(codeOf(e), "$", "The JSON exceeds a limit of the exchange" + at(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw refusal(ErrorCode.MALFORMED_JSON, "$", "Not valid JSON" + at(e.getLocation()) + ".");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON held in memory cannot fail on I/O", e);
        }
    }

    private void readDocument() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw refusal(ErrorCode.MALFORMED_JSON, "$", "The message is empty.");
        }
        do {
            readToken(token);
        } while (!open.isEmpty() && (token = parser.nextToken()) != null);
        JsonLocation end = parser.currentLocation();
        try {
            if (parser.nextToken() == null) {
                return;
            }
        } catch (JsonProcessingException e) {
            // not JSON either: still content after the document
        }
        throw refusal(ErrorCode.AMBIGUOUS_DOCUMENT, "$", "Content follows the JSON value that ends" + at(end) + ".");
    }

    private void readToken(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT, START_ARRAY -> {
                if (open.size() == MAX_DEPTH) {
                    throw refusal(ErrorCode.DOCUMENT_TOO_DEEP, path(),
                            "The JSON nests more than " + MAX_DEPTH + " levels deep.");
                }
                open.push(token == JsonToken.START_OBJECT ? new HashSet<>() : Collections.emptySet());
            }
            case END_OBJECT, END_ARRAY -> open.pop();
            case FIELD_NAME -> {
                checkString(parser.currentName());
                if (!open.element().add(parser.currentName())) {
                    throw refusal(ErrorCode.AMBIGUOUS_DOCUMENT, path(), "The key appears twice in one object"
                            + at(parser.currentTokenLocation()) + ".");
                }
            }
            case VALUE_STRING -> checkString(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checkNumber(parser.getText());
            default -> {
                // true, false and null carry nothing to check
            }
        }
    }

    private void checkString(String text) {
        if (text.length() > MAX_STRING_CHARS) {
            throw refusal(ErrorCode.FIELD_TOO_LONG, path(), "The string has " + text.length()
                    + " characters; at most " + MAX_STRING_CHARS + " are read.");
        }
        if (XmlCharacters.firstIllegal(text) >= 0) {
            throw refusal(ErrorCode.ILLEGAL_CHARACTER, path(), XmlCharacters.REASON);
        }
    }

    private void checkNumber(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            throw refusal(ErrorCode.NUMBER_TOO_LARGE, path(), "The number has more than " + MAX_NUMBER_CHARS
                    + " characters.");
        }
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            throw refusal(ErrorCode.NUMBER_TOO_LARGE, path(), "The number has an exponent; write it out in digits.");
        }
    }

    /** {@code $.tsxx.sq[1]}: where the parser is, as the adapters name native fields. */
    private String path() {
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                if (context.getEntryCount() > 0) {
                    steps.add("[" + context.getCurrentIndex() + "]");
                }
            } else if (context.getCurrentName() != null) {
                String key = context.getCurrentName();
                steps.add(PLAIN_KEY.matcher(key).matches() ? "." + key : "[?]");
            }
        }
        Collections.reverse(steps);
        return "$" + String.join("", steps);
    }

    /** Jackson's own limits say which one in their message only. */
    private static ErrorCode codeOf(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Number")) {
            return ErrorCode.NUMBER_TOO_LARGE;
        }
        if (message.startsWith("String") || message.startsWith("Name")) {
            return ErrorCode.FIELD_TOO_LONG;
        }
        return message.contains("nesting") ? ErrorCode.DOCUMENT_TOO_DEEP : ErrorCode.DOCUMENT_TOO_LARGE;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static UntranslatableMessageException refusal(ErrorCode code, String path, String reason) {
        return new UntranslatableMessageException(null, code, path, reason);
    }
}
