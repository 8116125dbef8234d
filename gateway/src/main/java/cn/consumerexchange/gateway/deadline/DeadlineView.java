package cn.consumerexchange.gateway.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A legal clock as operators read it on {@code /api/deadlines}, {@code /api/cases/{ref}/clocks} and the console.
 *
 * @param gatewayRef     the case
 * @param kind           which clock
 * @param partner        the partner of the authority holding it
 * @param calendarRegion whose working days it counts
 * @param ruleSet        the rules chosen by the case's receipt date, e.g. ORDER_121
 * @param order          the order that made them, e.g. "SAMR Order No. 121"
 * @param article        the provision, e.g. "Order No. 121 art. 15"
 * @param whenRunOut     what follows when it runs out
 * @param startedAt      the event it counts from
 * @param dueDate        its last day; null while paused or when a calendar is missing
 * @param status         where it stands
 * @param stoppedAt      when it stopped; null while running
 * @param stoppedInTime  for a stopped clock, whether it stopped before its due moment; null otherwise
 * @param pauses         time it does not count (testing or appraisal)
 * @param problem        why its due day cannot be counted (CALENDAR_MISSING); null otherwise
 * @param warnedAt       when the holding region was warned; null until then
 * @param flaggedAt      when its miss was flagged; null until then
 */
public record DeadlineView(
        String gatewayRef,
        ClockKind kind,
        String partner,
        CalendarRegion calendarRegion,
        RuleSet ruleSet,
        String order,
        String article,
        String whenRunOut,
        Instant startedAt,
        LocalDate dueDate,
        ClockStatus status,
        Instant stoppedAt,
        Boolean stoppedInTime,
        List<ClockPause> pauses,
        String problem,
        OffsetDateTime warnedAt,
        OffsetDateTime flaggedAt) {

    /** A clock as counted now. */
    static DeadlineView of(StoredClock stored, ClockReading reading) {
        ClockState clock = reading.clock();
        return new DeadlineView(clock.caseRef(), clock.kind(), stored.partner(), clock.region(), clock.ruleSet(),
                clock.ruleSet().order(), reading.article(), clock.rule().whenRunOut(), clock.startedAt(),
                reading.dueDate(), reading.status(), clock.stoppedAt(), reading.stoppedInTime(), clock.pauses(),
                reading.problem(), stored.warnedAt(), stored.flaggedAt());
    }

    /** A clock as its row says it stood when last counted: the board's view, as the sweeper keeps it. */
    static DeadlineView asStored(StoredClock stored) {
        ClockState clock = stored.state();
        return new DeadlineView(clock.caseRef(), clock.kind(), stored.partner(), clock.region(), clock.ruleSet(),
                clock.ruleSet().order(), clock.rule().article(), clock.rule().whenRunOut(), clock.startedAt(),
                stored.dueDate(), stored.status(), clock.stoppedAt(), null, clock.pauses(), stored.problem(),
                stored.warnedAt(), stored.flaggedAt());
    }
}
