package cn.consumerexchange.gateway.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Starts legal clocks (法定时限) and reads them: the entry point for the case lifecycle and the sweeper. Clocks are
 * values ({@link ClockState}); this holds no state of its own beyond the calendars.
 */
public final class LegalClocks {

    private final CalendarRegistry calendars;
    private final DeadlineCalculator calculator;
    private final int warnWorkingDays;

    /**
     * @param warnWorkingDays a running clock is {@link ClockStatus#DUE_SOON} once this many working days or fewer
     *                        remain after today up to its due day
     */
    public LegalClocks(CalendarRegistry calendars, int warnWorkingDays) {
        this.calendars = calendars;
        this.calculator = new DeadlineCalculator(calendars);
        this.warnWorkingDays = warnWorkingDays;
    }

    /** A clock started by the case's receipt itself (acceptance). */
    public ClockState start(ClockKind kind, String caseRef, Instant receivedAt, CalendarRegion region) {
        return start(kind, caseRef, receivedAt, receivedAt, region);
    }

    /**
     * A clock started by a later event (mediation from acceptance, a clue check from the clue, a dispute when raised),
     * under the rule set of the case's receipt date.
     */
    public ClockState start(ClockKind kind, String caseRef, Instant caseReceivedAt, Instant startedAt,
            CalendarRegion region) {
        LocalDate receivedOn = caseReceivedAt.atZone(region.zone()).toLocalDate();
        return new ClockState(kind, caseRef, region, RuleSets.forReceiptDate(receivedOn), receivedOn, startedAt,
                startedAt.atZone(region.zone()).toLocalDate(), List.of(), false, null);
    }

    public DeadlineCalculator calculator() {
        return calculator;
    }

    /** Where the clock stands at {@code now}. A missing calendar is reported in the reading, never guessed. */
    public ClockReading read(ClockState clock, Instant now) {
        ClockRule rule = clock.rule();
        Optional<LocalDate> due;
        try {
            due = calculator.dueDate(clock);
            if (due.isPresent() && !clock.isStopped() && due.get().isAfter(clock.dayOf(now))) {
                int remaining = calendars.calendar(clock.region()).workingDaysAfter(clock.dayOf(now), due.get());
                return reading(clock, remaining <= warnWorkingDays ? ClockStatus.DUE_SOON : ClockStatus.ON_TIME,
                        due.get(), null);
            }
        } catch (CalendarMissingException e) {
            return new ClockReading(clock, ClockStatus.CALENDAR_MISSING, null, null, clock.ruleSet(), rule.article(),
                    null, e.getMessage());
        }
        if (due.isEmpty()) {
            return new ClockReading(clock, ClockStatus.PAUSED, null, null, clock.ruleSet(), rule.article(), null,
                    null);
        }
        Instant dueAt = endOf(clock, due.get());
        if (clock.isStopped()) {
            return reading(clock, ClockStatus.STOPPED, due.get(), clock.stoppedAt().isBefore(dueAt));
        }
        return reading(clock, now.isBefore(dueAt) ? ClockStatus.DUE_SOON : ClockStatus.MISSED, due.get(), null);
    }

    private static ClockReading reading(ClockState clock, ClockStatus status, LocalDate due, Boolean stoppedInTime) {
        return new ClockReading(clock, status, due, endOf(clock, due), clock.ruleSet(), clock.rule().article(),
                stoppedInTime, null);
    }

    /** The due moment: the end of the due day where the clock's authority is. */
    private static Instant endOf(ClockState clock, LocalDate due) {
        return due.plusDays(1).atStartOfDay(clock.region().zone()).toInstant();
    }
}
