package cn.consumerexchange.gateway.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.consumerexchange.gateway.ledger.DeliveryLedger;

/**
 * The {@code partners} component of {@code /actuator/health}: one entry per partner, with whether deliveries to it
 * are on, its circuit, its backlog and its last delivery. A partner switched off, unreachable or failing is one
 * partner's trouble, not the gateway's: its statuses are outside the aggregation order, so it shows in the details and
 * never turns the gateway DOWN (the broker and the database decide that).
 */
@Configuration(proxyBeanMethods = false)
class PartnerHealth {

    /** Deliveries are switched off by an operator (停用); messages wait. */
    static final Status SWITCHED_OFF = new Status("SWITCHED_OFF", "Deliveries switched off by an operator");
    /** Switched on, but its transport is not available here (an AMQP partner while AMQP is off). */
    static final Status NOT_DELIVERING = new Status("NOT_DELIVERING", "Its transport is not available");
    /** Its circuit is open, or an attempt failed and waits for a retry since its last delivery. */
    static final Status FAILING = new Status("FAILING", "Deliveries are failing");

    @Bean
    HealthContributor partnersHealthContributor(PartnerRegistry partners, PartnerSwitchboard switchboard,
            PartnerCircuits circuits, PartnerMetrics metrics) {
        Map<String, HealthIndicator> byPartner = new LinkedHashMap<>();
        for (Partner partner : partners.all()) {
            byPartner.put(partner.code(), () -> health(partner.code(), switchboard, circuits, metrics));
        }
        return CompositeHealthContributor.fromMap(byPartner);
    }

    private static Health health(String code, PartnerSwitchboard switchboard, PartnerCircuits circuits,
            PartnerMetrics metrics) {
        DeliveryLedger.Backlog backlog = metrics.backlog(code);
        boolean circuitClosed = !circuits.isOpen(code);
        boolean lastAttemptFailed = backlog.lastFailedAttempt() != null && metrics.lastDelivered(code)
                .map(delivered -> delivered.isBefore(backlog.lastFailedAttempt().toInstant()))
                .orElse(true);
        Status status;
        if (!switchboard.isEnabled(code)) {
            status = SWITCHED_OFF;
        } else if (!switchboard.isDelivering(code)) {
            status = NOT_DELIVERING;
        } else if (!circuitClosed || lastAttemptFailed) {
            status = FAILING;
        } else {
            status = Status.UP;
        }
        Health.Builder health = Health.status(status)
                .withDetail("enabled", switchboard.isEnabled(code))
                .withDetail("circuit", circuits.state(code).name())
                .withDetail("backlog", backlog.waiting());
        if (backlog.oldestWaiting() != null) {
            health.withDetail("oldestWaiting", backlog.oldestWaiting().toString());
        }
        if (backlog.lastFailedAttempt() != null) {
            health.withDetail("lastFailedAttempt", backlog.lastFailedAttempt().toString());
        }
        metrics.lastDelivered(code).ifPresent(at -> health.withDetail("lastDelivered", at.toString()));
        return health.build();
    }
}
