package cn.consumerexchange.gateway.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's tiles (总览): what is in flight and failed now, and what was rejected, quarantined and delivered
 * since midnight in the gateway's time zone. Deadlines near and missed come with the deadline clocks (期限), not yet.
 */
@Repository
class DashboardFigures {

    /**
     * @param inFlight       inbound messages accepted and not yet delivered: accepted, being delivered, awaiting a retry
     * @param failed         messages whose delivery failed and wait for an operator
     * @param rejectedToday  messages refused at intake today
     * @param quarantinedToday input kept without a ledger row of its own today
     * @param deliveredToday messages delivered to their receivers today
     */
    record Tiles(long inFlight, long failed, long rejectedToday, long quarantinedToday, long deliveredToday) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DashboardFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param partnerCodes every partner's code: deliveries today are counted through the index by partner */
    Tiles tiles(Collection<String> partnerCodes) {
        OffsetDateTime midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        long inFlight = count("select count(*) from ledger_message where state in ('ACCEPTED', 'DELIVERING', "
                + "'AWAITING_RETRY') and direction = 'IN'", null);
        long failed = count("select count(*) from ledger_message where state = 'DELIVERY_FAILED' "
                + "and direction = 'IN'", null);
        long rejected = count("select count(*) from ledger_message where state = 'REJECTED' and direction = 'IN' "
                + "and created_at >= ?", midnight);
        long quarantined = count("select count(*) from quarantined_input where received_at >= ?", midnight);
        long delivered = partnerCodes.isEmpty() ? 0 : jdbc.sql("""
                select count(*) from ledger_message
                where partner_code in (:partners) and direction = 'OUT' and created_at >= :since""")
                .param("partners", partnerCodes)
                .param("since", midnight)
                .query(Long.class).single();
        return new Tiles(inFlight, failed, rejected, quarantined, delivered);
    }

    private long count(String sql, OffsetDateTime since) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (since != null) {
            statement = statement.param(since);
        }
        return statement.query(Long.class).single();
    }
}
