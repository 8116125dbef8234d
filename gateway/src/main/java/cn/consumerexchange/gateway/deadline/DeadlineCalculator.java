package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Due dates as art. 45 counts them: the day of the event is not counted; a period in working days ends on its last
 * working day; a period in calendar days whose last day is not a working day (a statutory holiday, or a rest day)
 * ends on the next working day. Days paused for testing or appraisal are not counted, in the clock's own unit.
 */
public final class DeadlineCalculator {

    private final CalendarRegistry calendars;

    public DeadlineCalculator(CalendarRegistry calendars) {
        this.calendars = calendars;
    }

    /** The last day of a period of {@code period} units counted after {@code start}. */
    public LocalDate dueDate(CalendarRegion region, LocalDate start, int period, PeriodUnit unit) {
        return count(calendars.calendar(region), start, period, unit, List.of());
    }

    /** The clock's last day; empty while it is paused, since no one knows yet when it will count again. */
    public Optional<LocalDate> dueDate(ClockState clock) {
        if (clock.isPaused()) {
            return Optional.empty();
        }
        ClockRule rule = clock.rule();
        int period = rule.period() + (clock.extended() ? rule.extension() : 0);
        return Optional.of(count(calendars.calendar(clock.region()), clock.startedOn(), period, rule.unit(),
                clock.pauses()));
    }

    private static LocalDate count(WorkingDayCalendar calendar, LocalDate start, int period, PeriodUnit unit,
            List<ClockPause> pauses) {
        LocalDate day = start;
        int counted = 0;
        while (counted < period) {
            day = day.plusDays(1);
            LocalDate candidate = day;
            boolean paused = pauses.stream().anyMatch(pause -> pause.covers(candidate));
            if (!paused && (unit == PeriodUnit.NATURAL_DAYS || calendar.isWorkingDay(day))) {
                counted++;
            }
        }
        return unit == PeriodUnit.NATURAL_DAYS ? calendar.onOrNextWorkingDay(day) : day;
    }
}
