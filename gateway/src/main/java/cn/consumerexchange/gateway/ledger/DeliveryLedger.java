package cn.consumerexchange.gateway.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery side of the transfer ledger (投递台账): which accepted messages still have to reach their receiver, and
 * who is delivering them now. It alone decides what is delivered; the broker's delivery queues only carry nudges.
 *
 * <p>An attempt {@linkplain #claim claims} a message with a lease. A claim whose lease ran out belongs to an attempt
 * that died with its process, and the {@linkplain #due sweeper} hands the message out again.
 */
@Repository
public class DeliveryLedger {

    private static final String BY_KEY = " where direction = 'IN' and partner_code = ? and message_id = ?";

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeliveryLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An inbound message that is due for dispatch: waiting, or held by a claim whose lease has ended.
     *
     * @param messageType    the contract message type of the row: REPORT for the report case a complaint submitted
     *                       with a report opened, whose row keeps the submission
     * @param replayActionId the operator action replaying a delivered message, whose attempts go out under a delivery
     *                       id of their own; null for a first delivery
     */
    public record DueDelivery(long ledgerId, MessageKey key, String receiver, String gatewayRef, String messageType,
            Long replayActionId) {

        public DueDelivery(long ledgerId, MessageKey key, String receiver, String gatewayRef, String messageType) {
            this(ledgerId, key, receiver, gatewayRef, messageType, null);
        }
    }

    /**
     * How a failed delivery attempt ended, for its {@code delivery_attempt} row (投递记录).
     *
     * @param startedAt when the attempt claimed the message
     * @param errorCode why it failed, a code operators filter by
     * @param detail    a short description without personal data
     */
    public record FailedAttempt(OffsetDateTime startedAt, String errorCode, String detail) {
    }

    /**
     * What waits for one receiver: messages accepted and not yet delivered or failed, the oldest of them, and when an
     * attempt at one of them last failed and left it waiting for a retry.
     */
    public record Backlog(int waiting, OffsetDateTime oldestWaiting, OffsetDateTime lastFailedAttempt) {

        public static final Backlog NONE = new Backlog(0, null, null);
    }

    /** How often delivery of a message was tried, and until when a transient failure may be retried. */
    public record Attempts(int made, OffsetDateTime retryUntil, OffsetDateTime acceptedAt) {
    }

    /**
     * Takes a message for one delivery attempt until {@code lease} has passed. A message already delivered or failed,
     * or held by an attempt whose lease still runs, is not taken. The intake's own nudge finds the message already
     * claimed for it ({@code heldByIntake}): while that claim runs the attempt goes ahead without a write, which spares
     * a commit per message.
     *
     * @return whether this attempt may deliver
     */
    public boolean claim(MessageKey key, Duration lease, boolean heldByIntake) {
        OffsetDateTime now = now();
        if (heldByIntake && jdbc.sql("select count(*) from ledger_message" + BY_KEY
                        + " and state = 'DELIVERING' and claimed_until > ?")
                .params(key.partnerCode(), key.messageId(), now)
                .query(Integer.class)
                .single() == 1) {
            return true;
        }
        return jdbc.sql("update ledger_message set state = 'DELIVERING', claimed_until = ?, attempts = attempts + 1, "
                        + "updated_at = ?" + BY_KEY + " and (state in ('ACCEPTED', 'AWAITING_RETRY') "
                        + "or (state = 'DELIVERING' and claimed_until < ?))")
                .params(now.plus(lease), now, key.partnerCode(), key.messageId(), now)
                .update() == 1;
    }

    /**
     * Marks a message delivered and records the copy that went out and the attempt, all or none. The outbound row
     * repeats the inbound one's facts, its trace id (调用链) among them; its message id is {@code sender:messageId},
     * unique per receiver, and a replay's copy adds {@code :replay-<action>}. A message already recorded as delivered
     * (a slow attempt and its successor both got through) is recorded once.
     *
     * @param startedAt when the attempt claimed the message
     * @return when the message was accepted, or empty when it was already recorded as delivered
     */
    @Transactional
    public Optional<OffsetDateTime> recordDelivered(MessageKey key, String receiver, String payloadSha256,
            byte[] payload, OffsetDateTime startedAt) {
        OffsetDateTime now = now();
        recordAttempt(key, startedAt, now, MessageState.DELIVERED, null, null, "state <> 'DELIVERED'");
        int marked = jdbc.sql("update ledger_message set state = 'DELIVERED', reason = null, claimed_until = null, "
                        + "due_at = null, retry_action_id = null, updated_at = ?" + BY_KEY
                        + " and state <> 'DELIVERED'")
                .params(now, key.partnerCode(), key.messageId())
                .update();
        if (marked == 0) {
            return Optional.empty();
        }
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    case_ref, gateway_ref, payload_sha256, payload, state, reason, created_at, updated_at, trace_id)
                select 'OUT', ?, partner_code || ':' || message_id || case when replay_action_id is null then ''
                        else ':replay-' || cast(replay_action_id as varchar(20)) end,
                    message_type, sender, receiver, case_ref, gateway_ref, ?, ?, 'DELIVERED', null, ?, ?, trace_id
                from ledger_message""" + BY_KEY)
                .params(receiver, payloadSha256, payload, now, now, key.partnerCode(), key.messageId())
                .update();
        return jdbc.sql("select created_at from ledger_message" + BY_KEY)
                .params(key.partnerCode(), key.messageId())
                .query(OffsetDateTime.class)
                .optional();
    }

    public Optional<Attempts> attemptsOf(MessageKey key) {
        return jdbc.sql("select attempts, retry_until, created_at from ledger_message" + BY_KEY)
                .params(key.partnerCode(), key.messageId())
                .query((rs, row) -> new Attempts(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    /**
     * Gives up this attempt's claim; the message is due again at {@code dueAt}. An attempt that counts is recorded
     * with it; one that did not try the partner (its circuit was open) leaves no attempt row, and an operator's retry
     * it was for stays for the next attempt to name.
     *
     * @param attempted whether the attempt counts: it does not when the partner was not even tried (circuit open)
     */
    @Transactional
    public void awaitRetry(MessageKey key, OffsetDateTime dueAt, String reason, FailedAttempt attempt,
            boolean attempted) {
        OffsetDateTime now = now();
        if (attempted) {
            recordAttempt(key, attempt.startedAt(), now, MessageState.AWAITING_RETRY, attempt.errorCode(),
                    attempt.detail(), "state = 'DELIVERING'");
        }
        jdbc.sql("update ledger_message set state = 'AWAITING_RETRY', due_at = ?, claimed_until = null, reason = ?, "
                        + "attempts = attempts - ?, retry_action_id = case when ? then null else retry_action_id end, "
                        + "updated_at = ?" + BY_KEY + " and state = 'DELIVERING'")
                .params(utc(dueAt), reason, attempted ? 0 : 1, attempted, now, key.partnerCode(), key.messageId())
                .update();
    }

    /** The receiver refused the message, or the retry horizon has passed: it waits for an operator. */
    @Transactional
    public void fail(MessageKey key, String reason, FailedAttempt attempt) {
        OffsetDateTime now = now();
        recordAttempt(key, attempt.startedAt(), now, MessageState.DELIVERY_FAILED, attempt.errorCode(),
                attempt.detail(), "state = 'DELIVERING'");
        jdbc.sql("update ledger_message set state = 'DELIVERY_FAILED', due_at = null, claimed_until = null, "
                        + "reason = ?, retry_action_id = null, updated_at = ?" + BY_KEY + " and state = 'DELIVERING'")
                .params(reason, now, key.partnerCode(), key.messageId())
                .update();
    }

    /**
     * One row for the attempt that ends now (投递记录), written from the ledger row in the statement that reads it: its
     * attempt number, the operator action that asked for it, the trace it belongs to. An attempt whose process died
     * writes none; the attempt that takes the message over does.
     *
     * @param stillOpen the condition under which the attempt's outcome is still to be recorded
     */
    private void recordAttempt(MessageKey key, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            MessageState outcome, String errorCode, String detail, String stillOpen) {
        jdbc.sql("""
                insert into delivery_attempt (ledger_id, attempt, receiver, started_at, finished_at, outcome,
                    error_code, detail, retry_action_id, trace_id)
                select id, attempts, receiver, ?, ?, ?, ?, ?, retry_action_id, trace_id
                from ledger_message""" + BY_KEY + " and " + stillOpen)
                .params(startedAt == null ? finishedAt : utc(startedAt), finishedAt, outcome.name(), errorCode, detail,
                        key.partnerCode(), key.messageId())
                .update();
    }

    /**
     * Messages waiting for their time: accepted, or back after a failed attempt, and due by {@code :now}. Read through
     * ix_ledger_message_due (state, due_at): only the rows waiting are read, never a delivered one.
     */
    static final String DUE_WAITING = """
            select id, partner_code, message_id, receiver, gateway_ref, message_type, replay_action_id, due_at
            from ledger_message
            where state in ('ACCEPTED', 'AWAITING_RETRY') and due_at <= :now and receiver in (:receivers)
            order by due_at
            limit :limit""";
    /** Messages whose attempt's lease ended before {@code :now}: its process died. Read through ix_ledger_message_due. */
    static final String DUE_LEASE_ENDED = """
            select id, partner_code, message_id, receiver, gateway_ref, message_type, replay_action_id, due_at
            from ledger_message
            where state = 'DELIVERING' and claimed_until < :now and receiver in (:receivers)
            order by due_at
            limit :limit""";

    /**
     * Messages for the given receivers due for dispatch now, the longest waiting first (by due time; a lease that ended
     * without one after those with one). Two statements rather than one with an OR of the two kinds: H2 reads such a
     * disjunction by scanning the whole table, every row the ledger ever kept, payloads and all, at every sweep.
     */
    public List<DueDelivery> due(int limit, Collection<String> receivers) {
        if (receivers.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        List<Due> due = new ArrayList<>(read(DUE_WAITING, now, receivers, limit));
        due.addAll(read(DUE_LEASE_ENDED, now, receivers, limit));
        return due.stream()
                .sorted(Comparator.comparing(Due::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit)
                .map(Due::delivery)
                .toList();
    }

    private record Due(DueDelivery delivery, OffsetDateTime dueAt) {
    }

    private List<Due> read(String statement, OffsetDateTime now, Collection<String> receivers, int limit) {
        return jdbc.sql(statement)
                .param("now", now)
                .param("receivers", receivers)
                .param("limit", limit)
                .query((rs, row) -> new Due(new DueDelivery(rs.getLong(1), new MessageKey(rs.getString(2),
                        rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Long.class)), rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /**
     * Sets a due message's next dispatch time before it is dispatched, so the next sweep leaves it alone while its
     * nudge travels; a claim whose lease ended is released. Returns false when an attempt claimed it meanwhile.
     */
    public boolean postpone(long ledgerId, OffsetDateTime until) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                update ledger_message
                set state = case when state = 'DELIVERING' then 'AWAITING_RETRY' else state end,
                    claimed_until = null, due_at = ?, updated_at = ?
                where id = ? and ((state in ('ACCEPTED', 'AWAITING_RETRY') and due_at <= ?)
                   or (state = 'DELIVERING' and claimed_until < ?))""")
                .params(utc(until), now, ledgerId, now, now)
                .update() == 1;
    }

    /** Makes every message waiting for a receiver due now, as when the receiver is back after an outage. */
    public int dueNow(String receiver) {
        OffsetDateTime now = now();
        return jdbc.sql("update ledger_message set due_at = ?, updated_at = ? "
                        + "where direction = 'IN' and receiver = ? and state = 'AWAITING_RETRY' and due_at > ?")
                .params(now, now, receiver, now)
                .update();
    }

    /** A nudge for a message went to the dead-letter queue: the message is made due, with the reason. */
    public void noteDeadLettered(MessageKey key, String reason) {
        OffsetDateTime now = now();
        jdbc.sql("update ledger_message set due_at = ?, reason = ?, updated_at = ?" + BY_KEY
                        + " and state in ('ACCEPTED', 'AWAITING_RETRY')")
                .params(now, reason, now, key.partnerCode(), key.messageId())
                .update();
    }

    /**
     * Puts a message back in line, as an operator's retry does: one that failed, or one still waiting. Its attempts
     * start again from nought, with a new retry horizon; its earlier attempts stay. A replay still under way stays one.
     *
     * @param retryActionId the operator action asking, which the next attempt names
     * @return whether the message was in a state to retry
     */
    public boolean requeue(long ledgerId, OffsetDateTime dueAt, OffsetDateTime retryUntil, long retryActionId) {
        return jdbc.sql("""
                update ledger_message set state = 'ACCEPTED', reason = null, attempts = 0, claimed_until = null,
                    due_at = ?, retry_until = ?, retry_action_id = ?, updated_at = ?
                where id = ? and direction = 'IN' and state in ('DELIVERY_FAILED', 'AWAITING_RETRY', 'ACCEPTED')""")
                .params(utc(dueAt), utc(retryUntil), retryActionId, now(), ledgerId)
                .update() == 1;
    }

    /**
     * Puts a delivered message back in line to be sent to its receiver again (重放), as when the receiver lost it. Its
     * attempts go out under a delivery id of their own ({@code replayActionId}), so the receiver's de-duplication
     * takes the copy; the first delivery's attempts and outbound row stay.
     *
     * @return whether the message was delivered, and so could be replayed
     */
    public boolean replay(long ledgerId, OffsetDateTime dueAt, OffsetDateTime retryUntil, long replayActionId) {
        return jdbc.sql("""
                update ledger_message set state = 'ACCEPTED', reason = null, attempts = 0, claimed_until = null,
                    due_at = ?, retry_until = ?, retry_action_id = ?, replay_action_id = ?, updated_at = ?
                where id = ? and direction = 'IN' and state = 'DELIVERED'""")
                .params(utc(dueAt), utc(retryUntil), replayActionId, replayActionId, now(), ledgerId)
                .update() == 1;
    }

    /**
     * The replay a message's delivery belongs to, if it is one: its attempts, an operator's retry of them too, go out
     * under the replay's delivery id.
     */
    public Optional<Long> replayUnderWay(long ledgerId) {
        return jdbc.sql("select replay_action_id from ledger_message where id = ? and replay_action_id is not null")
                .param(ledgerId)
                .query(Long.class)
                .optional();
    }

    /**
     * Sends a delivered complaint again, to another receiver: its case was returned (退回, art. 41) and re-routed. The
     * message is due at once for the new receiver, its attempts counted from nought; the copy the first receiver got
     * stays in the ledger as its outbound row.
     */
    public void redirect(MessageKey key, String receiver, OffsetDateTime dueAt, OffsetDateTime retryUntil) {
        jdbc.sql("update ledger_message set receiver = ?, state = 'ACCEPTED', reason = null, attempts = 0, "
                        + "claimed_until = null, due_at = ?, retry_until = ?, replay_action_id = null, updated_at = ?"
                        + BY_KEY)
                .params(receiver, utc(dueAt), utc(retryUntil), now(), key.partnerCode(), key.messageId())
                .update();
    }

    /**
     * Every receiver's backlog, in one grouped query on the state index; a receiver with nothing waiting is absent.
     */
    public Map<String, Backlog> backlogs() {
        return jdbc.sql("""
                select receiver, count(*), min(created_at),
                    max(case when state = 'AWAITING_RETRY' and attempts > 0 then updated_at end)
                from ledger_message
                where direction = 'IN' and state in ('ACCEPTED', 'AWAITING_RETRY', 'DELIVERING')
                group by receiver""")
                .query((rs, row) -> Map.entry(rs.getString(1), new Backlog(rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class))))
                .list()
                .stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** In UTC and to the microsecond, as both databases keep it. */
    private OffsetDateTime now() {
        return utc(OffsetDateTime.now(clock));
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
