package cn.consumerexchange.adapter;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One contract field that did not survive a round trip through a native format.
 *
 * @param path      the contract path, e.g. {@code /ExchangeMessage/Complaint/Complainant/Name}
 * @param sent      its values before the round trip
 * @param read      its values after it; empty when the field was lost
 * @param movedFrom when a value read here was sent at another path, that path: the mapping moved it
 */
public record FieldDrift(String path, List<String> sent, List<String> read, String movedFrom) {

    public boolean lost() {
        return read.isEmpty();
    }

    public boolean moved() {
        return movedFrom != null;
    }

    /**
     * E.g. {@code /…/Facts holds "010203001", sent at /…/Category}, with each path as {@code label} writes it (so a
     * caller can add the native field).
     */
    public String describe(UnaryOperator<String> label) {
        if (lost()) {
            return label.apply(path) + " lost " + quoted(sent);
        }
        if (moved()) {
            return label.apply(path) + " holds " + quoted(read) + ", sent at " + label.apply(movedFrom)
                    + " (sent here: " + quoted(sent) + ")";
        }
        return label.apply(path) + " changed from " + quoted(sent) + " to " + quoted(read);
    }

    private static String quoted(List<String> values) {
        if (values.isEmpty()) {
            return "nothing";
        }
        return values.stream().map(value -> "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"")
                .reduce((a, b) -> a + ", " + b).orElseThrow();
    }
}
