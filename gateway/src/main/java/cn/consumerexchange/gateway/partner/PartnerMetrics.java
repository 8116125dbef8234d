package cn.consumerexchange.gateway.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ledger.DeliveryLedger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The gateway's own meters, per partner and message type, on {@code /actuator/prometheus}. The alert rules in
 * {@code deploy/prometheus/alerts.yml} are written against these names (Prometheus adds {@code _total} to counters and
 * {@code _seconds} to timers).
 *
 * <p>The backlog gauges read the delivery ledger, the one record of what still has to be delivered, at most once per
 * {@link #BACKLOG_TTL} however often they are scraped.
 */
@Component
public class PartnerMetrics {

    /** Messages a partner sent that the gateway accepted; tags partner (the sender), type. */
    public static final String ACCEPTED = "exchange.messages.accepted";
    /** Messages refused at intake; tags partner (the sender), type, code (the first error code of the answer). */
    public static final String REJECTED = "exchange.messages.rejected";
    /** Messages delivered to a receiver; tags partner (the receiver), type. */
    public static final String DELIVERED = "exchange.deliveries.delivered";
    /** Failed delivery attempts; tags partner (the receiver), type, kind (transient, permanent, circuit_open). */
    public static final String DELIVERY_FAILED = "exchange.deliveries.failed";
    /** From acceptance to delivery; tags partner (the receiver), type. */
    public static final String DELIVERY_LATENCY = "exchange.delivery.latency";
    /** Messages waiting for delivery to the partner; tag partner. */
    public static final String BACKLOG = "exchange.deliveries.backlog";
    /** Seconds the oldest message waiting for the partner has waited, 0 when none waits; tag partner. */
    public static final String OLDEST_WAITING = "exchange.deliveries.oldest.waiting";
    /** 1 while the partner's circuit is not closed (open or probing); tag partner. */
    public static final String CIRCUIT_OPEN = "exchange.partner.circuit.open";
    /** 1 while deliveries to the partner run, 0 while it is switched off or its transport is unavailable. */
    public static final String DELIVERING = "exchange.partner.delivering";

    /** How long one reading of the ledger's backlogs serves the gauges and the health check. */
    static final Duration BACKLOG_TTL = Duration.ofSeconds(5);
    private static final String UNKNOWN_TYPE = "UNKNOWN";

    private final MeterRegistry registry;
    private final DeliveryLedger ledger;
    private final Clock clock;
    private final Map<String, Instant> lastDelivered = new ConcurrentHashMap<>();
    private volatile Reading backlogs = new Reading(Instant.MIN, Map.of());

    private record Reading(Instant at, Map<String, DeliveryLedger.Backlog> byReceiver) {
    }

    public PartnerMetrics(MeterRegistry registry, DeliveryLedger ledger, Clock clock, PartnerRegistry partners,
            PartnerCircuits circuits, PartnerSwitchboard switchboard) {
        this.registry = registry;
        this.ledger = ledger;
        this.clock = clock;
        for (Partner partner : partners.all()) {
            String code = partner.code();
            Gauge.builder(BACKLOG, () -> backlog(code).waiting()).tag("partner", code)
                    .description("Messages waiting for delivery to the partner").register(registry);
            Gauge.builder(OLDEST_WAITING, () -> oldestWaitingSeconds(code)).tag("partner", code).baseUnit("seconds")
                    .description("How long the oldest message waiting for the partner has waited").register(registry);
            Gauge.builder(CIRCUIT_OPEN, () -> circuits.isOpen(code) ? 1 : 0).tag("partner", code)
                    .description("Whether the partner's circuit is open or probing").register(registry);
            Gauge.builder(DELIVERING, () -> switchboard.isDelivering(code) ? 1 : 0).tag("partner", code)
                    .description("Whether deliveries to the partner are running").register(registry);
        }
    }

    public void accepted(String sender, Object type) {
        Counter.builder(ACCEPTED).tag("partner", sender).tag("type", name(type)).register(registry).increment();
    }

    public void rejected(String sender, Object type, Object code) {
        Counter.builder(REJECTED).tag("partner", sender).tag("type", name(type)).tag("code", String.valueOf(code))
                .register(registry).increment();
    }

    /** A message reached its receiver; {@code acceptedAt} is when the gateway accepted it from its sender. */
    public void delivered(String receiver, Object type, OffsetDateTime acceptedAt) {
        Instant now = clock.instant();
        lastDelivered.put(receiver, now);
        Counter.builder(DELIVERED).tag("partner", receiver).tag("type", name(type)).register(registry).increment();
        Timer.builder(DELIVERY_LATENCY).tag("partner", receiver).tag("type", name(type))
                .description("From acceptance to delivery").register(registry)
                .record(Duration.between(acceptedAt.toInstant(), now));
    }

    public void deliveryFailed(String receiver, Object type, String kind) {
        Counter.builder(DELIVERY_FAILED).tag("partner", receiver).tag("type", name(type)).tag("kind", kind)
                .register(registry).increment();
    }

    /** When this instance last delivered a message to the partner, if it has since it started. */
    public Optional<Instant> lastDelivered(String partnerCode) {
        return Optional.ofNullable(lastDelivered.get(partnerCode));
    }

    /** What waits for the partner, as the ledger said at most {@link #BACKLOG_TTL} ago. */
    public DeliveryLedger.Backlog backlog(String partnerCode) {
        Reading reading = backlogs;
        Instant now = clock.instant();
        if (reading.at().isBefore(now.minus(BACKLOG_TTL))) {
            reading = new Reading(now, ledger.backlogs());
            backlogs = reading;
        }
        return reading.byReceiver().getOrDefault(partnerCode, DeliveryLedger.Backlog.NONE);
    }

    private double oldestWaitingSeconds(String partnerCode) {
        OffsetDateTime oldest = backlog(partnerCode).oldestWaiting();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
    }

    private static String name(Object type) {
        return type == null ? UNKNOWN_TYPE : type.toString();
    }
}
