package cn.consumerexchange.gateway.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.partner.PartnerLocations;

/**
 * The calendars as the gateway loads them from its partner locations, and the {@code calendars} health component.
 * Only the deadline configuration and the partner locations are started, with the clock set to the day under test.
 */
class CalendarsHealthTest {

    @TempDir
    Path onboarding;

    ApplicationContextRunner gateway(String today) {
        return new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, PartnerLocations.class, DeadlineConfiguration.class)
                .withBean(Clock.class, () -> Clock.fixed(Instant.parse(today + "T04:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theSeedCalendarsLoadAndAreHealthyInNovember() {
        gateway("2026-11-29").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CalendarRegistry.class).loadedYears(CalendarRegion.CN)).containsExactly(2025,
                    2026);
            Health health = context.getBean("calendarsHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails().get("HK")).isEqualTo(Map.of("loaded", List.of(2026), "missing", List.of()));
            assertThat(context.getBean(LegalClocks.class)).isNotNull();
        });
    }

    @Test
    void fromDecemberNextYearsMissingCalendarIsReportedLoudlyButDoesNotTakeTheGatewayDown() {
        gateway("2026-12-01").run(context -> {
            Health health = context.getBean("calendarsHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus().getCode()).isEqualTo("CALENDAR_MISSING");
            assertThat(health.getDetails().get("CN")).isEqualTo(Map.of("loaded", List.of(2025, 2026),
                    "missing", List.of(2027)));
            assertThat((String) health.getDetails().get("problem")).contains("CN-2027", "HK-2027", "MO-2027");
            // The gateway's status order (application.yml leaves Spring's default) passes over it.
            assertThat(new SimpleStatusAggregator().getAggregateStatus(Set.of(Status.UP, health.getStatus())))
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void nextYearsCalendarIsADataChangeInAPartnerLocation() throws Exception {
        Files.createDirectories(onboarding.resolve("calendars"));
        Files.writeString(onboarding.resolve("calendars/CN-2027.csv"), "date,kind,name\n2027-01-01,HOLIDAY,元旦\n");

        gateway("2026-12-01").withPropertyValues("exchange.partner-locations=" + onboarding.toUri()).run(context -> {
            assertThat(context.getBean(CalendarRegistry.class).loadedYears(CalendarRegion.CN))
                    .containsExactly(2025, 2026, 2027);
            Health health = context.getBean("calendarsHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getDetails().get("CN")).isEqualTo(Map.of("loaded", List.of(2025, 2026, 2027),
                    "missing", List.of()));
        });
    }

    @Test
    void aBadRowStopsTheStartWithItsFileAndLine() throws Exception {
        Files.createDirectories(onboarding.resolve("calendars"));
        Files.writeString(onboarding.resolve("calendars/CN-2027.csv"),
                "date,kind,name\n2027-01-01,HOLIDAY,元旦\n2027-13-01,HOLIDAY,春节\n");

        gateway("2026-12-01").withPropertyValues("exchange.partner-locations=" + onboarding.toUri()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining("CN-2027.csv").hasMessageContaining("line 3")
                    .hasMessageContaining("2027-13-01");
        });
    }

    @EnableConfigurationProperties({ ExchangeProperties.class, DeadlineSettings.class })
    static class Properties {
    }
}
