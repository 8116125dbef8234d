package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The working-day calendars of every region, as loaded at start-up. Adding next year's calendar is a data change: a
 * file in {@code calendars/} of a partner location (see {@code seeds/calendars/SOURCE.md}).
 */
public final class CalendarRegistry {

    /**
     * From the first day of this month on, next year's calendar is expected too: the State Council publishes its
     * notice in November, and a deadline counted in late December already runs into January.
     */
    static final int NEXT_YEAR_EXPECTED_FROM_MONTH = Month.DECEMBER.getValue();

    private final Map<CalendarRegion, WorkingDayCalendar> calendars = new EnumMap<>(CalendarRegion.class);

    public CalendarRegistry(Collection<CalendarYear> years) {
        for (CalendarRegion region : CalendarRegion.values()) {
            calendars.put(region, new WorkingDayCalendar(region,
                    years.stream().filter(year -> year.region() == region).toList()));
        }
    }

    public WorkingDayCalendar calendar(CalendarRegion region) {
        return calendars.get(region);
    }

    public SortedSet<Integer> loadedYears(CalendarRegion region) {
        return calendars.get(region).years();
    }

    /**
     * The years a region needs on {@code today} but lacks: the current year, and from December 1st also the next.
     */
    public List<Integer> missingYears(CalendarRegion region, LocalDate today) {
        List<Integer> needed = new ArrayList<>(List.of(today.getYear()));
        if (today.getMonthValue() >= NEXT_YEAR_EXPECTED_FROM_MONTH) {
            needed.add(today.getYear() + 1);
        }
        WorkingDayCalendar calendar = calendars.get(region);
        return needed.stream().filter(year -> !calendar.covers(year)).toList();
    }
}
