package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The legal clocks on {@code /actuator/prometheus}: running clocks missed and due soon, per holding partner and clock
 * kind, as the deadline sweeper last counted them. One grouped query serves every gauge for a few seconds.
 */
@Component
class DeadlineMetrics {

    /** Running clocks past their due day; tags partner, kind. */
    static final String MISSED = "exchange.deadlines.missed";
    /** Running clocks within the warning's working days of their due day; tags partner, kind. */
    static final String DUE_SOON = "exchange.deadlines.due.soon";
    static final Duration TTL = Duration.ofSeconds(5);

    private final LegalClockStore store;
    private final Clock clock;
    private volatile Reading last = new Reading(Instant.MIN, List.of());

    private record Reading(Instant at, List<LegalClockStore.StatusCount> counts) {
    }

    DeadlineMetrics(MeterRegistry registry, LegalClockStore store, Clock clock, PartnerRegistry partners) {
        this.store = store;
        this.clock = clock;
        for (Partner partner : partners.all()) {
            for (ClockKind kind : ClockKind.values()) {
                Gauge.builder(MISSED, () -> count(partner.code(), kind, ClockStatus.MISSED))
                        .tag("partner", partner.code()).tag("kind", kind.name())
                        .description("Running legal clocks past their due day").register(registry);
                Gauge.builder(DUE_SOON, () -> count(partner.code(), kind, ClockStatus.DUE_SOON))
                        .tag("partner", partner.code()).tag("kind", kind.name())
                        .description("Running legal clocks near their due day").register(registry);
            }
        }
    }

    private long count(String partner, ClockKind kind, ClockStatus status) {
        return counts().stream()
                .filter(count -> count.partner().equals(partner) && count.kind() == kind && count.status() == status)
                .mapToLong(LegalClockStore.StatusCount::clocks)
                .sum();
    }

    private List<LegalClockStore.StatusCount> counts() {
        Reading reading = last;
        Instant now = clock.instant();
        if (reading.at().plus(TTL).isBefore(now)) {
            reading = new Reading(now, store.countsByPartnerAndKind());
            last = reading;
        }
        return reading.counts();
    }
}
