package cn.consumerexchange.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A document or message breaks the contract; {@link #violations()} says every way in which it does. */
public class ContractViolationException extends RuntimeException {

    private static final int VIOLATIONS_IN_MESSAGE = 5;

    private final transient List<Violation> violations;

    public ContractViolationException(List<Violation> violations) {
        super(summarise(violations));
        this.violations = List.copyOf(violations);
    }

    public ContractViolationException(Violation violation) {
        this(List.of(violation));
    }

    /** Never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String summarise(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a contract violation needs at least one violation");
        }
        String shown = violations.stream()
                .limit(VIOLATIONS_IN_MESSAGE)
                .map(Violation::toString)
                .collect(Collectors.joining("; "));
        int hidden = violations.size() - VIOLATIONS_IN_MESSAGE;
        String noun = violations.size() == 1 ? " contract violation: " : " contract violations: ";
        return violations.size() + noun + shown + (hidden > 0 ? "; and " + hidden + " more" : "");
    }
}
