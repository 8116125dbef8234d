package cn.consumerexchange.gateway.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A region's working-day calendar (工作日历) over the years loaded for it. A day is a working day unless it is a
 * Saturday or Sunday not listed as {@link DayKind#WORKING_DAY}, or is listed as {@link DayKind#HOLIDAY}. A day of a
 * year not loaded is never guessed: every question about it throws {@link CalendarMissingException}.
 */
public final class WorkingDayCalendar {

    private final CalendarRegion region;
    private final Map<Integer, CalendarYear> years;

    public WorkingDayCalendar(CalendarRegion region, Collection<CalendarYear> years) {
        this.region = region;
        this.years = new TreeMap<>();
        for (CalendarYear year : years) {
            if (year.region() != region) {
                throw new IllegalArgumentException(year.source() + " is not a calendar of " + region);
            }
            if (this.years.put(year.year(), year) != null) {
                throw new IllegalArgumentException(region + " " + year.year() + " is loaded twice");
            }
        }
    }

    public CalendarRegion region() {
        return region;
    }

    /** The years loaded, in order. */
    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    /** Where the year's calendar was read from. */
    public String source(int year) {
        return yearOf(year).source();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind listed = yearOf(day.getYear()).days().get(day);
        if (listed != null) {
            return listed == DayKind.WORKING_DAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day itself if it is a working day, else the first working day after it (art. 45's extension). */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /** The {@code count}-th working day after {@code day}, which itself is not counted. */
    public LocalDate plusWorkingDays(LocalDate day, int count) {
        LocalDate candidate = day;
        int counted = 0;
        while (counted < count) {
            candidate = candidate.plusDays(1);
            if (isWorkingDay(candidate)) {
                counted++;
            }
        }
        return candidate;
    }

    /** Working days after {@code from} up to and including {@code to}; zero when {@code to} is not after it. */
    public int workingDaysAfter(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    private CalendarYear yearOf(int year) {
        CalendarYear loaded = years.get(year);
        if (loaded == null) {
            throw new CalendarMissingException(region, year);
        }
        return loaded;
    }
}
