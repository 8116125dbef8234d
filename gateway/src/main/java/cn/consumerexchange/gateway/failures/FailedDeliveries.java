package cn.consumerexchange.gateway.failures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.ledger.MessageState;

/**
 * Failed and waiting deliveries as operators look for them (失败投递), each with its last attempt, and what the broker
 * dead-lettered. Read-only: retries go through {@code transfer.DeliveryRetry}.
 */
@Repository
public class FailedDeliveries {

    /**
     * A message with its case (the sender's case number is on the case, not on every message) and its last attempt:
     * the {@code delivery_attempt} row with the highest id of its ledger row.
     */
    private static final String FROM = """
             from ledger_message m
             left join transfer_case t on t.gateway_ref = m.gateway_ref
             left join delivery_attempt a on a.id = (select max(d.id) from delivery_attempt d where d.ledger_id = m.id)
            """;

    /** What the broker's dead-letter queue (死信) left for operators; see {@link #deadLetters}. */
    private static final Pattern QUEUE_IN_REASON = Pattern.compile("every attempt on (\\S+) failed");

    private final JdbcClient jdbc;

    public FailedDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The last attempt at a message, as {@code delivery_attempt} recorded it. */
    public record LastAttempt(int attempt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String outcome,
            String errorCode, String detail, Long retryActionId) {
    }

    /**
     * One failed or waiting delivery.
     *
     * @param caseNumber  the sender's case number, of the case the gateway opened for it
     * @param caseRef     the case reference the message carried, if any
     * @param since       when it last changed: when it failed, or when its last attempt failed
     * @param nextAttempt when it is due again, for one waiting
     * @param lastAttempt null for one failed before attempts were recorded
     */
    public record Failure(long ledgerId, String sender, String messageId, String messageType, String receiver,
            String caseNumber, String caseRef, String gatewayRef, MessageState state, String reason, int attempts,
            OffsetDateTime acceptedAt, OffsetDateTime since, OffsetDateTime nextAttempt, LastAttempt lastAttempt) {
    }

    /**
     * A message the broker gave up on.
     *
     * @param queue the queue it was dead-lettered from, as the reason names it
     */
    public record DeadLetter(long id, String partnerCode, String reference, String messageId, long payloadSize,
            String errorCode, String reason, String queue, OffsetDateTime receivedAt) {
    }

    public record Page<T>(long total, int page, int size, List<T> items) {
    }

    public Page<Failure> page(FailureFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
        List<Failure> items = jdbc.sql("""
                select m.id, m.partner_code, m.message_id, m.message_type, m.receiver, t.origin_case_number,
                    m.case_ref, m.gateway_ref,
                    m.state, m.reason, m.attempts, m.created_at, m.updated_at, m.due_at,
                    a.attempt, a.started_at, a.finished_at, a.outcome, a.error_code, a.detail, a.retry_action_id
                """ + FROM + where + " order by m.updated_at desc, m.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(FailedDeliveries::failure)
                .list();
        return new Page<>(total, page, size, items);
    }

    public long count(FailureFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select count(*)" + FROM + where(filter, params)).params(params).query(Long.class).single();
    }

    /** The ledger ids of the first {@code limit} matches, the longest failing first. */
    public List<Long> ids(FailureFilter filter, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select m.id" + FROM + where(filter, params) + " order by m.updated_at, m.id limit :limit")
                .params(params)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /**
     * What the broker dead-lettered, newest first. The gateway empties its dead-letter queue itself (see
     * {@code transfer.DeadLetters}): a delivery nudge it gave up on needs nothing kept, since its message stays due in
     * the ledger and is a failure or waiting delivery above, its reason saying so; a partner's inbound message, or
     * anything else, is kept in {@code quarantined_input} under a reference beginning {@code GW-U-}, with the queue it
     * came from in its reason. Those rows are the dead letters.
     */
    public Page<DeadLetter> deadLetters(int page, int size) {
        long total = jdbc.sql("select count(*) from quarantined_input where reference like 'GW-U-%'")
                .query(Long.class)
                .single();
        List<DeadLetter> items = jdbc.sql("""
                select id, partner_code, reference, message_id, payload_size, error_code, reason, received_at
                from quarantined_input where reference like 'GW-U-%'
                order by id desc limit :limit offset :offset""")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> {
                    String reason = rs.getString("reason");
                    Matcher queue = QUEUE_IN_REASON.matcher(reason);
                    return new DeadLetter(rs.getLong("id"), rs.getString("partner_code"), rs.getString("reference"),
                            rs.getString("message_id"), rs.getLong("payload_size"), rs.getString("error_code"), reason,
                            queue.find() ? queue.group(1) : null, rs.getObject("received_at", OffsetDateTime.class));
                })
                .list();
        return new Page<>(total, page, size, items);
    }

    private static String where(FailureFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where m.direction = 'IN' and m.state in (:states)");
        params.put("states", filter.states().stream().map(MessageState::name).toList());
        if (filter.receiver() != null) {
            where.append(" and m.receiver = :receiver");
            params.put("receiver", filter.receiver());
        }
        if (filter.messageType() != null) {
            where.append(" and m.message_type = :messageType");
            params.put("messageType", filter.messageType());
        }
        if (filter.errorCode() != null) {
            where.append(" and a.error_code = :errorCode");
            params.put("errorCode", filter.errorCode());
        }
        if (filter.from() != null) {
            where.append(" and m.updated_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and m.updated_at < :to");
            params.put("to", filter.to());
        }
        if (filter.caseRef() != null) {
            where.append(" and (t.origin_case_number = :caseRef or m.gateway_ref = :caseRef or m.case_ref = :caseRef)");
            params.put("caseRef", filter.caseRef());
        }
        return where.toString();
    }

    private static Failure failure(ResultSet rs, int row) throws SQLException {
        Integer attempt = rs.getObject("attempt", Integer.class);
        LastAttempt last = attempt == null ? null : new LastAttempt(attempt,
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("outcome"), rs.getString("error_code"), rs.getString("detail"),
                rs.getObject("retry_action_id", Long.class));
        return new Failure(rs.getLong("id"), rs.getString("partner_code"), rs.getString("message_id"),
                rs.getString("message_type"), rs.getString("receiver"), rs.getString("origin_case_number"),
                rs.getString("case_ref"),
                rs.getString("gateway_ref"), MessageState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class), last);
    }
}
