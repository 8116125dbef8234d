package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's calendars page: which working-day calendars are loaded, which the clocks need but lack (the same
 * check as the {@code calendars} health component), and the rules each rule set's clocks follow.
 */
@Controller
class CalendarConsoleController {

    private final CalendarRegistry calendars;
    private final Clock clock;

    CalendarConsoleController(CalendarRegistry calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    /** A region's calendars: the loaded years with their sources, and the years it needs but lacks. */
    record RegionCalendars(CalendarRegion region, List<LoadedYear> loaded, List<Integer> missing) {
    }

    record LoadedYear(int year, String source) {
    }

    @GetMapping("/console/calendars")
    String calendars(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(CalendarRegion.CN.zone()));
        List<RegionCalendars> regions = Arrays.stream(CalendarRegion.values()).map(region -> {
            WorkingDayCalendar calendar = calendars.calendar(region);
            return new RegionCalendars(region,
                    calendar.years().stream().map(year -> new LoadedYear(year, calendar.source(year))).toList(),
                    calendars.missingYears(region, today));
        }).toList();
        model.addAttribute("today", today);
        model.addAttribute("regions", regions);
        model.addAttribute("missing", regions.stream()
                .flatMap(region -> region.missing().stream().map(year -> region.region() + "-" + year)).toList());
        model.addAttribute("ruleSets", RuleSet.values());
        model.addAttribute("kinds", ClockKind.values());
        return "console/calendars";
    }
}
