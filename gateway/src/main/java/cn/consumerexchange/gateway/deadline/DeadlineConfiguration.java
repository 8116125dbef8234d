package cn.consumerexchange.gateway.deadline;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

import cn.consumerexchange.gateway.partner.PartnerLocations;

/**
 * Loads the working-day calendars from every partner location at start-up (a bad file stops the start with its file
 * and line) and reports them as the {@code calendars} component of {@code /actuator/health}.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /**
     * A region lacks the current year's calendar, or next year's from December 1st. Loud, but outside the status
     * order: deliveries go on, only the clocks running into that year cannot be counted.
     */
    static final Status CALENDAR_MISSING = new Status("CALENDAR_MISSING",
            "A working-day calendar the clocks need is not loaded");

    private static final Logger log = LoggerFactory.getLogger(DeadlineConfiguration.class);

    @Bean
    CalendarRegistry calendarRegistry(PartnerLocations locations) {
        List<CalendarYear> years = new ArrayList<>();
        for (Resource file : locations.everyFile(CalendarFiles.PATTERN)) {
            try (Reader text = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                years.add(CalendarFiles.read(file.getFilename(), file.getDescription(), text));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the calendar " + file.getDescription(), e);
            }
        }
        CalendarRegistry registry = new CalendarRegistry(years);
        for (CalendarRegion region : CalendarRegion.values()) {
            log.info("Working-day calendar {}: years {}", region, registry.loadedYears(region));
        }
        return registry;
    }

    @Bean
    LegalClocks legalClocks(CalendarRegistry calendars, DeadlineSettings settings) {
        return new LegalClocks(calendars, settings.warnWorkingDays());
    }

    @Bean
    HealthIndicator calendarsHealthIndicator(CalendarRegistry calendars, Clock clock) {
        return () -> calendarsHealth(calendars, LocalDate.now(clock.withZone(CalendarRegion.CN.zone())));
    }

    static Health calendarsHealth(CalendarRegistry calendars, LocalDate today) {
        Map<String, Object> byRegion = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (CalendarRegion region : CalendarRegion.values()) {
            List<Integer> lacking = calendars.missingYears(region, today);
            lacking.forEach(year -> missing.add(region + "-" + year));
            byRegion.put(region.name(), Map.of("loaded", List.copyOf(calendars.loadedYears(region)),
                    "missing", lacking));
        }
        Health.Builder health = Health.status(missing.isEmpty() ? Status.UP : CALENDAR_MISSING)
                .withDetails(byRegion);
        if (!missing.isEmpty()) {
            health.withDetail("problem", "No calendar loaded for " + String.join(", ", missing)
                    + ": clocks running into these years cannot be counted. Add calendars/<REGION>-<YEAR>.csv from"
                    + " the official notice (seeds/calendars/SOURCE.md).");
        }
        return health.build();
    }
}
