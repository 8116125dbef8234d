package cn.consumerexchange.gateway.deadline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Legal clocks (法定时限), bound from {@code exchange.deadlines.*}. Calendars are read from {@code calendars/} of every
 * {@code exchange.partner-locations} entry.
 *
 * @param warnWorkingDays a running clock is due soon, and operators are warned, once this many working days or fewer
 *                        remain after today up to its due day
 * @param sweepInterval   how often the deadline sweeper counts the running clocks again, warns and flags; it runs on
 *                        one gateway instance at a time
 */
@ConfigurationProperties("exchange.deadlines")
public record DeadlineSettings(
        @DefaultValue("2") int warnWorkingDays,
        @DefaultValue("1m") Duration sweepInterval) {
}
