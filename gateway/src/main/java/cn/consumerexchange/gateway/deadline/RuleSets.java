package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.util.Arrays;

/** Chooses the rule set a case's clocks follow. */
public final class RuleSets {

    private RuleSets() {
    }

    /** The rule set in force on the day the case was received, in the time zone of the authority that received it. */
    public static RuleSet forReceiptDate(LocalDate received) {
        return Arrays.stream(RuleSet.values()).filter(rules -> rules.appliesTo(received)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No rule set covers " + received));
    }
}
