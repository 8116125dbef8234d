package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.util.Map;

/**
 * One loaded calendar file: a region's holidays and working weekend days of one year.
 *
 * @param region the calendar region
 * @param year   the year every listed day lies in
 * @param days   the listed days; a day not listed follows the ordinary week
 * @param source where it was read from, shown to operators
 */
public record CalendarYear(CalendarRegion region, int year, Map<LocalDate, DayKind> days, String source) {

    public CalendarYear {
        days = Map.copyOf(days);
    }
}
