package cn.consumerexchange.gateway.partner;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * Switches deliveries to a partner off and on (停用 / 启用). Switched off, the partner's delivery route stops and
 * accepted messages wait on its delivery queue, durable in the broker; switched on, the route starts again and they
 * are delivered in order. The decision is kept in the database, so it outlives a restart; the seeds only give the
 * starting state.
 *
 * <p>The database, not the instance an operator happened to reach, holds the decision: every instance sharing it
 * reads {@code partner_switch} every {@code exchange.delivery.switch-refresh} and starts or stops its own delivery
 * routes to match. Only the instance that took the operator's request audits the change.
 */
@Component
public class PartnerSwitchboard {

    private static final Logger log = LoggerFactory.getLogger(PartnerSwitchboard.class);

    /**
     * The switch as it stands for one partner.
     *
     * @param changedBy the operator who last switched it, null while the seeds' starting state holds
     * @param changedAt when that was, null likewise
     */
    public record Decision(boolean enabled, String changedBy, OffsetDateTime changedAt) {
    }

    private final PartnerRegistry partners;
    private final JdbcClient jdbc;
    private final CamelContext camel;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    private final boolean amqpAvailable;
    private final OperatorAudit audit;

    public PartnerSwitchboard(PartnerRegistry partners, JdbcClient jdbc, CamelContext camel, Clock clock,
            ExchangeProperties properties, OperatorAudit audit, TransactionTemplate transaction) {
        this.audit = audit;
        this.amqpAvailable = properties.amqp().enabled();
        this.partners = partners;
        this.jdbc = jdbc;
        this.camel = camel;
        this.clock = clock;
        this.transaction = transaction;
        readDecisions().forEach(decisions::put);
    }

    /** The seeds' starting state, overridden by every decision an operator took. */
    private Map<String, Decision> readDecisions() {
        Map<String, Decision> read = new ConcurrentHashMap<>();
        for (Partner partner : partners.all()) {
            read.put(partner.code(), new Decision(partner.enabled(), null, null));
        }
        jdbc.sql("select partner_code, enabled, changed_by, changed_at from partner_switch")
                .query((rs, row) -> Map.entry(rs.getString(1), new Decision(rs.getBoolean(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))))
                .list()
                .forEach(decision -> read.computeIfPresent(decision.getKey(), (code, seeded) -> decision.getValue()));
        return read;
    }

    public boolean isEnabled(String partnerCode) {
        return decision(partnerCode).enabled();
    }

    /** The partner's switch with who last changed it and when; switched off for a partner the gateway does not know. */
    public Decision decision(String partnerCode) {
        return decisions.getOrDefault(partnerCode, new Decision(false, null, null));
    }

    /** Whether deliveries to the partner should run: switched on, and its transport available. */
    public boolean shouldDeliver(Partner partner) {
        return isEnabled(partner.code()) && (partner.transport() != Transport.AMQP || amqpAvailable);
    }

    /**
     * Whether deliveries to the partner are running now: switched on, and its transport available (AMQP partners wait
     * while {@code exchange.amqp.enabled} is off).
     */
    public boolean isDelivering(String partnerCode) {
        return camel.getRouteController().getRouteStatus(deliveryRouteId(partnerCode)) == ServiceStatus.Started;
    }

    /** The route id of a partner's delivery route. */
    public static String deliveryRouteId(String partnerCode) {
        return "delivery-" + partnerCode;
    }

    public Optional<Partner> enable(String partnerCode, String operator, String reason) throws Exception {
        return change(partnerCode, true, operator, reason);
    }

    public Optional<Partner> disable(String partnerCode, String operator, String reason) throws Exception {
        return change(partnerCode, false, operator, reason);
    }

    /**
     * Records the operator's decision and its audit in one transaction, then follows it here. Serialised with
     * {@link #followDecisions}, so a refresh never reads the database between this commit and the route change.
     */
    private synchronized Optional<Partner> change(String partnerCode, boolean on, String operator, String reason)
            throws Exception {
        Optional<Partner> partner = partners.find(partnerCode);
        if (partner.isEmpty()) {
            return partner;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        transaction.executeWithoutResult(tx -> {
            if (jdbc.sql("update partner_switch set enabled = ?, changed_by = ?, changed_at = ? where partner_code = ?")
                    .params(on, operator, now, partnerCode).update() == 0) {
                jdbc.sql("insert into partner_switch (partner_code, enabled, changed_by, changed_at) "
                        + "values (?, ?, ?, ?)").params(partnerCode, on, operator, now).update();
            }
            audit.record(operator, on ? "ENABLE_PARTNER" : "DISABLE_PARTNER", partnerCode, null, reason);
        });
        decisions.put(partnerCode, new Decision(on, operator, now));
        applyToRoute(partner.get());
        return partner;
    }

    /**
     * Follows the decisions other instances recorded: a partner whose switch changed in the database has its delivery
     * route started or stopped here. Nothing is audited: the instance that took the request did that.
     */
    @Scheduled(initialDelayString = "${exchange.delivery.switch-refresh:5s}",
            fixedDelayString = "${exchange.delivery.switch-refresh:5s}")
    public synchronized void followDecisions() {
        Map<String, Decision> current;
        try {
            current = readDecisions();
        } catch (RuntimeException databaseAway) {
            log.warn("Could not read the partners' switches; deliveries stay as they are: {}", databaseAway.toString());
            return;
        }
        for (Partner partner : partners.all()) {
            Decision now = current.get(partner.code());
            Decision before = decisions.put(partner.code(), now);
            if (before == null || before.enabled() != now.enabled()) {
                log.info("Deliveries to {} switched {} by {} (followed from the database)", partner.code(),
                        now.enabled() ? "on" : "off", now.changedBy());
                try {
                    applyToRoute(partner);
                } catch (Exception e) {
                    // Tried again at the next refresh.
                    decisions.put(partner.code(), before == null ? now : before);
                    log.warn("Could not {} the delivery route of {}: {}", now.enabled() ? "start" : "stop",
                            partner.code(), e.toString());
                }
            }
        }
    }

    private void applyToRoute(Partner partner) throws Exception {
        String route = deliveryRouteId(partner.code());
        if (camel.getRoute(route) == null) {
            return;
        }
        if (shouldDeliver(partner)) {
            camel.getRouteController().startRoute(route);
        } else {
            camel.getRouteController().stopRoute(route);
        }
    }
}
