package cn.consumerexchange.gateway.partner;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * Switches deliveries to a partner off and on (停用 / 启用). Switched off, the partner's delivery route stops and
 * accepted messages wait on its delivery queue, durable in the broker; switched on, the route starts again and they
 * are delivered in order. The decision is kept in the database, so it outlives a restart; the seeds only give the
 * starting state.
 */
@Component
public class PartnerSwitchboard {

    private final PartnerRegistry partners;
    private final JdbcClient jdbc;
    private final CamelContext camel;
    private final Clock clock;
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
    private final boolean amqpAvailable;
    private final OperatorAudit audit;

    public PartnerSwitchboard(PartnerRegistry partners, JdbcClient jdbc, CamelContext camel, Clock clock,
            ExchangeProperties properties, OperatorAudit audit) {
        this.audit = audit;
        this.amqpAvailable = properties.amqp().enabled();
        this.partners = partners;
        this.jdbc = jdbc;
        this.camel = camel;
        this.clock = clock;
        for (Partner partner : partners.all()) {
            enabled.put(partner.code(), partner.enabled());
        }
        jdbc.sql("select partner_code, enabled from partner_switch")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                .list()
                .forEach(decision -> enabled.computeIfPresent(decision.getKey(), (code, seeded) -> decision.getValue()));
    }

    public boolean isEnabled(String partnerCode) {
        return enabled.getOrDefault(partnerCode, false);
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

    @Transactional
    public Optional<Partner> enable(String partnerCode, String operator, String reason) throws Exception {
        return change(partnerCode, true, operator, reason);
    }

    @Transactional
    public Optional<Partner> disable(String partnerCode, String operator, String reason) throws Exception {
        return change(partnerCode, false, operator, reason);
    }

    private Optional<Partner> change(String partnerCode, boolean on, String operator, String reason)
            throws Exception {
        Optional<Partner> partner = partners.find(partnerCode);
        if (partner.isEmpty()) {
            return partner;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (jdbc.sql("update partner_switch set enabled = ?, changed_by = ?, changed_at = ? where partner_code = ?")
                .params(on, operator, now, partnerCode).update() == 0) {
            jdbc.sql("insert into partner_switch (partner_code, enabled, changed_by, changed_at) values (?, ?, ?, ?)")
                    .params(partnerCode, on, operator, now).update();
        }
        audit.record(operator, on ? "ENABLE_PARTNER" : "DISABLE_PARTNER", partnerCode, null, reason);
        enabled.put(partnerCode, on);
        String route = deliveryRouteId(partnerCode);
        if (camel.getRoute(route) != null) {
            if (shouldDeliver(partner.get())) {
                camel.getRouteController().startRoute(route);
            } else {
                camel.getRouteController().stopRoute(route);
            }
        }
        return partner;
    }
}
