package cn.consumerexchange.gateway.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A clock as operators see it at one moment, with the rule set and provision it runs under.
 *
 * @param clock         the clock
 * @param status        where it stands
 * @param dueDate       its last day; null while paused or when a calendar is missing
 * @param dueAt         the end of that day in the region's time zone; null with it
 * @param ruleSet       the rules chosen by the case's receipt date
 * @param article       the provision, e.g. "Order No. 121 art. 15"
 * @param stoppedInTime for a stopped clock, whether it stopped before its due moment; null otherwise
 * @param problem       why the due day cannot be counted; null otherwise
 */
public record ClockReading(
        ClockState clock,
        ClockStatus status,
        LocalDate dueDate,
        Instant dueAt,
        RuleSet ruleSet,
        String article,
        Boolean stoppedInTime,
        String problem) {
}
