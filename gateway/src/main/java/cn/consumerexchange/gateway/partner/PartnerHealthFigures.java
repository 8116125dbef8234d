package cn.consumerexchange.gateway.partner;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.ledger.DeliveryLedger;

/**
 * How deliveries to each partner stand (对接单位运行状况), read from the ledger and the delivery attempts: one query per
 * figure for all partners, never one per partner, so the partners page costs the same for 17 partners as for 2.
 */
@Repository
public class PartnerHealthFigures {

    /** The window the error rate is measured over. */
    public static final Duration ERROR_RATE_WINDOW = Duration.ofMinutes(15);

    /**
     * @param backlog       inbound messages waiting for delivery to the partner: accepted, being delivered, or
     *                      awaiting a retry
     * @param oldestWaiting when the oldest of them was accepted; null when none waits
     * @param failed        messages whose delivery to the partner failed and wait for an operator
     * @param lastSuccess   when a message was last delivered to it; null when never
     * @param attempts      delivery attempts to it finished in the last {@link #ERROR_RATE_WINDOW}
     * @param errorRate     the share of those that failed, 0 to 1; null when there were none
     */
    public record Figures(int backlog, OffsetDateTime oldestWaiting, int failed, OffsetDateTime lastSuccess,
            int attempts, Double errorRate) {

        static final Figures NONE = new Figures(0, null, 0, null, 0, null);
    }

    private record Rate(int attempts, int failed) {
    }

    private final JdbcClient jdbc;
    private final DeliveryLedger ledger;
    private final Clock clock;

    public PartnerHealthFigures(JdbcClient jdbc, DeliveryLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The figures of every given partner, keyed by partner code. */
    public Map<String, Figures> of(Collection<String> partnerCodes) {
        if (partnerCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, DeliveryLedger.Backlog> backlogs = ledger.backlogs();
        Map<String, Integer> failed = failed();
        Map<String, OffsetDateTime> lastSuccess = lastSuccess(List.copyOf(partnerCodes));
        Map<String, Rate> rates = rates();
        Map<String, Figures> figures = new HashMap<>();
        for (String code : partnerCodes) {
            DeliveryLedger.Backlog backlog = backlogs.getOrDefault(code, DeliveryLedger.Backlog.NONE);
            Rate rate = rates.getOrDefault(code, new Rate(0, 0));
            figures.put(code, new Figures(backlog.waiting(), backlog.oldestWaiting(), failed.getOrDefault(code, 0),
                    lastSuccess.get(code), rate.attempts(),
                    rate.attempts() == 0 ? null : (double) rate.failed() / rate.attempts()));
        }
        return figures;
    }

    public Figures of(String partnerCode) {
        return of(List.of(partnerCode)).getOrDefault(partnerCode, Figures.NONE);
    }

    private Map<String, Integer> failed() {
        return jdbc.sql("""
                select receiver, count(*) from ledger_message
                where state = 'DELIVERY_FAILED' and direction = 'IN'
                group by receiver""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The newest outbound row per partner: one index step each, in one query over the partners' codes. */
    private Map<String, OffsetDateTime> lastSuccess(List<String> partnerCodes) {
        Map<String, OffsetDateTime> last = new HashMap<>();
        jdbc.sql(lastDeliveries(partnerCodes.size()))
                .params(partnerCodes.toArray())
                .query(rs -> {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    if (at != null) {
                        last.put(rs.getString(1), at);
                    }
                });
        return last;
    }

    /**
     * The newest outbound row of each of {@code partners} codes, read backwards on ix_ledger_message_partner_created.
     * The order names every column of the index: H2 reads an index backwards only then, and for {@code max(created_at)}
     * it read every row ever delivered to the partner, at every health check.
     */
    static String lastDeliveries(int partners) {
        return "select p.code, (select m.created_at from ledger_message m"
                + " where m.partner_code = p.code and m.direction = 'OUT'"
                + " order by m.partner_code desc, m.direction desc, m.created_at desc limit 1)"
                + " from (values " + String.join(", ", Collections.nCopies(partners, "(?)")) + ") as p(code)";
    }

    private Map<String, Rate> rates() {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(ERROR_RATE_WINDOW).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                select receiver, count(*), sum(case when outcome <> 'DELIVERED' then 1 else 0 end)
                from delivery_attempt
                where finished_at >= ? and outcome is not null
                group by receiver""")
                .param(since)
                .query((rs, row) -> Map.entry(rs.getString(1), new Rate(rs.getInt(2), rs.getInt(3))))
                .list().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
