package cn.consumerexchange.gateway.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a calendar file {@code calendars/<REGION>-<YEAR>.csv} (header {@code date,kind,name}, see
 * {@code seeds/calendars/SOURCE.md}). Anything doubtful fails with the file and line: a calendar that is wrong moves
 * every deadline, so the gateway would rather not start.
 */
public final class CalendarFiles {

    /** Where calendar files lie inside every partner location. */
    public static final String PATTERN = "calendars/*.csv";

    private static final Pattern NAME = Pattern.compile("([A-Z]{2})-(\\d{4})\\.csv");
    private static final String HEADER = "date,kind,name";

    private CalendarFiles() {
    }

    /**
     * @param fileName the file's name, which gives its region and year
     * @param source   where it was read from, for messages and operators
     */
    public static CalendarYear read(String fileName, String source, Reader text) throws IOException {
        Matcher name = NAME.matcher(fileName);
        if (!name.matches()) {
            throw new CalendarFileException(source, 0, "the name must be <REGION>-<YEAR>.csv, e.g. CN-2027.csv");
        }
        CalendarRegion region;
        try {
            region = CalendarRegion.valueOf(name.group(1));
        } catch (IllegalArgumentException e) {
            throw new CalendarFileException(source, 0, "unknown calendar region " + name.group(1) + "; one of "
                    + Arrays.toString(CalendarRegion.values()));
        }
        int year = Integer.parseInt(name.group(2));
        Map<LocalDate, DayKind> days = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(text);
        String header = lines.readLine();
        if (header == null || !HEADER.equals(header.strip().replace("\uFEFF", ""))) {
            throw new CalendarFileException(source, 1, "the header must be " + HEADER);
        }
        int lineNumber = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", 3);
            if (fields.length < 3 || fields[2].isBlank()) {
                throw new CalendarFileException(source, lineNumber, "expected date,kind,name but found '" + line + "'");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(fields[0].strip());
            } catch (DateTimeException e) {
                throw new CalendarFileException(source, lineNumber, "'" + fields[0] + "' is not an ISO date");
            }
            if (day.getYear() != year) {
                throw new CalendarFileException(source, lineNumber, day + " lies outside the file's year " + year);
            }
            DayKind kind;
            try {
                kind = DayKind.valueOf(fields[1].strip());
            } catch (IllegalArgumentException e) {
                throw new CalendarFileException(source, lineNumber, "kind '" + fields[1] + "' is not HOLIDAY or"
                        + " WORKING_DAY");
            }
            if (kind == DayKind.WORKING_DAY && day.getDayOfWeek() != DayOfWeek.SATURDAY
                    && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new CalendarFileException(source, lineNumber, day + " is a " + day.getDayOfWeek()
                        + ": only a Saturday or Sunday can be made a WORKING_DAY");
            }
            if (days.put(day, kind) != null) {
                throw new CalendarFileException(source, lineNumber, day + " is listed twice");
            }
        }
        return new CalendarYear(region, year, days, source);
    }
}
