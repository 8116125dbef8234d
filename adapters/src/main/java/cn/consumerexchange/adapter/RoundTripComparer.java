package cn.consumerexchange.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares a contract message with what came back from a round trip through a native format, field by field. A
 * format need not carry every field: a field it drops is only a drift where the caller says it must be kept. But a
 * value that comes back must come back at its own path and unchanged; one found at another path is reported as moved,
 * so that a mapping writing the complainant's name into the wrong native field is caught at both ends.
 */
public final class RoundTripComparer {

    private RoundTripComparer() {
    }

    /**
     * @param mustKeep paths that must come back with their values (e.g. what the format carried on an earlier trip);
     *                 other fields may be lost
     */
    public static List<FieldDrift> compare(ContractFields sent, ContractFields read, Set<String> mustKeep) {
        List<FieldDrift> drifts = new ArrayList<>();
        for (String path : read.paths()) {
            List<String> before = sent.values(path);
            List<String> after = read.values(path);
            if (!before.equals(after)) {
                drifts.add(new FieldDrift(path, before, after, movedFrom(sent, path, after)));
            }
        }
        for (String path : sent.paths()) {
            if (mustKeep.contains(path) && read.values(path).isEmpty()) {
                drifts.add(new FieldDrift(path, sent.values(path), List.of(), null));
            }
        }
        return drifts;
    }

    /** The other path a value read at {@code path} was sent at, if any value was not sent at {@code path} itself. */
    private static String movedFrom(ContractFields sent, String path, List<String> read) {
        for (String value : read) {
            if (sent.values(path).contains(value)) {
                continue;
            }
            for (String other : sent.paths()) {
                if (!other.equals(path) && sent.values(other).contains(value)) {
                    return other;
                }
            }
        }
        return null;
    }
}
