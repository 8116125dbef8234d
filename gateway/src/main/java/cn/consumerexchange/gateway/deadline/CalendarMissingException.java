package cn.consumerexchange.gateway.deadline;

/**
 * A date of a year whose calendar (工作日历) is not loaded was asked about. Weekends alone would miss the holidays
 * and the working weekend days, so the question fails instead; the {@code calendars} health component lists the
 * missing years.
 */
public class CalendarMissingException extends RuntimeException {

    private final CalendarRegion region;
    private final int year;

    public CalendarMissingException(CalendarRegion region, int year) {
        super(DeadlineError.CALENDAR_MISSING + ": no working-day calendar is loaded for " + region + " " + year
                + "; add calendars/" + region + "-" + year + ".csv from the official notice");
        this.region = region;
        this.year = year;
    }

    public DeadlineError code() {
        return DeadlineError.CALENDAR_MISSING;
    }

    public CalendarRegion region() {
        return region;
    }

    public int year() {
        return year;
    }
}
