package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.ui.ConcurrentModel;

/** What the console's calendars page is given to show, before and after December 1st. */
class CalendarConsoleControllerTest {

    final CalendarRegistry calendars = SeedCalendars.registry();

    ConcurrentModel page(String instant) {
        ConcurrentModel model = new ConcurrentModel();
        String view = new CalendarConsoleController(calendars, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                .calendars(model);
        assertThat(view).isEqualTo("console/calendars");
        return model;
    }

    @Test
    void inNovemberNothingIsMissing() {
        ConcurrentModel model = page("2026-11-29T04:00:00Z");

        assertThat((List<?>) model.getAttribute("missing")).isEmpty();
        @SuppressWarnings("unchecked")
        List<CalendarConsoleController.RegionCalendars> regions =
                (List<CalendarConsoleController.RegionCalendars>) model.getAttribute("regions");
        assertThat(regions.get(0).region()).isEqualTo(CalendarRegion.CN);
        assertThat(regions.get(0).loaded()).extracting(CalendarConsoleController.LoadedYear::year)
                .containsExactly(2025, 2026);
        assertThat(regions.get(0).loaded().get(1).source()).contains("CN-2026.csv");
    }

    @Test
    void fromDecemberFirstInChinaNextYearIsMissingEverywhere() {
        // 2026-11-30T16:00Z is already 00:00 on December 1st in Beijing time.
        assertThat((List<?>) page("2026-11-30T16:00:00Z").getAttribute("missing"))
                .isEqualTo(List.of("CN-2027", "HK-2027", "MO-2027"));
        assertThat((List<?>) page("2026-11-30T15:59:59Z").getAttribute("missing")).isEmpty();
    }
}
