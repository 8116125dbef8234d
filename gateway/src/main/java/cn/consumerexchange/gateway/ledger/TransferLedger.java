package cn.consumerexchange.gateway.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * The transfer ledger (交换台账): every message in and out, and the state of each transferred case.
 *
 * <p>The unique key (direction, partner, message id) is what makes a message sent twice have one effect: a second
 * insert of the same inbound message fails instead of creating a second row.
 */
@Repository
public class TransferLedger {

    private static final String ENTRY_COLUMNS = "id, direction, partner_code, message_id, message_type, sender, "
            + "receiver, case_ref, gateway_ref, payload_sha256, state, reason, created_at, updated_at";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final ApplicationEventPublisher events;

    public TransferLedger(JdbcClient jdbc, Clock clock, ExchangeProperties properties,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = properties.delivery().lease();
        this.events = events;
    }

    /**
     * A message to record; {@code payload} is kept as it crossed the wire.
     *
     * @param originCaseNumber the origin case number (原案件编号) a complaint or report carries, so that operators find
     *                         it by that number even when it was rejected and opened no case; null for other messages
     * @param traceId          the W3C trace id (调用链) the message travels in, carried on every hop
     */
    public record NewEntry(
            Direction direction,
            String partnerCode,
            String messageId,
            String messageType,
            String sender,
            String receiver,
            String caseRef,
            String gatewayRef,
            String payloadSha256,
            byte[] payload,
            MessageState state,
            String reason,
            String originCaseNumber,
            String traceId) {

        /** A message outside any trace, of no origin case. */
        public NewEntry(Direction direction, String partnerCode, String messageId, String messageType, String sender,
                String receiver, String caseRef, String gatewayRef, String payloadSha256, byte[] payload,
                MessageState state, String reason) {
            this(direction, partnerCode, messageId, messageType, sender, receiver, caseRef, gatewayRef, payloadSha256,
                    payload, state, reason, null, null);
        }
    }

    /**
     * Records a message and returns it as recorded. An accepted message is recorded as claimed for delivery by the
     * nudge the intake sends next ({@code DELIVERING}, with a lease): that nudge's attempt delivers it without another
     * write, and if the nudge is lost in a crash the lease runs out and the sweeper dispatches the message.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the same partner's message id is already recorded
     */
    public LedgerEntry record(NewEntry entry) {
        OffsetDateTime now = now();
        boolean claimed = entry.state() == MessageState.ACCEPTED && entry.direction() == Direction.IN;
        MessageState state = claimed ? MessageState.DELIVERING : entry.state();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    case_ref, gateway_ref, payload_sha256, payload, state, reason, created_at, updated_at,
                    claimed_until, attempts, origin_case_number, error_code, trace_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.direction().name(), entry.partnerCode(), entry.messageId(), entry.messageType(),
                        entry.sender(), entry.receiver(), entry.caseRef(), entry.gatewayRef(), entry.payloadSha256(),
                        entry.payload(), state.name(), entry.reason(), now, now,
                        claimed ? now.plus(lease) : null, claimed ? 1 : 0, entry.originCaseNumber(),
                        state == MessageState.REJECTED ? leadingErrorCode(entry.reason()) : null, entry.traceId())
                .update(key, "id");
        return new LedgerEntry(key.getKey().longValue(), entry.direction(), entry.partnerCode(), entry.messageId(),
                entry.messageType(), entry.sender(), entry.receiver(), entry.caseRef(), entry.gatewayRef(),
                entry.payloadSha256(), state, entry.reason(), now, now);
    }

    public Optional<LedgerEntry> findInbound(String partnerCode, String messageId) {
        return jdbc.sql("select " + ENTRY_COLUMNS
                        + " from ledger_message where direction = 'IN' and partner_code = ? and message_id = ?")
                .params(partnerCode, messageId)
                .query(TransferLedger::entry)
                .optional();
    }

    public Optional<LedgerEntry> find(long id) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from ledger_message where id = ?")
                .param(id)
                .query(TransferLedger::entry)
                .optional();
    }

    /** Every message of one case, oldest first. */
    public List<LedgerEntry> entriesOf(String gatewayRef) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from ledger_message where gateway_ref = ? order by id")
                .param(gatewayRef)
                .query(TransferLedger::entry)
                .list();
    }

    /** A message as the ledger kept it for sending again: its payload and the trace (调用链) it travels in. */
    public record StoredMessage(byte[] payload, String traceId) {
    }

    public Optional<StoredMessage> storedMessageOf(long id) {
        return jdbc.sql("select payload, trace_id from ledger_message where id = ?")
                .param(id)
                .query((rs, row) -> new StoredMessage(rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    public Optional<byte[]> payloadOf(long id) {
        return jdbc.sql("select payload from ledger_message where id = ?")
                .param(id)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /**
     * Keeps input that cannot have a row of its own, so an operator can still see it.
     *
     * @param payload     what is kept of the input: all of it, or its first bytes when it was over the size limit
     * @param payloadSize the size of the whole input in bytes
     * @param payloadSha256 the SHA-256 of the whole input
     * @param reference   the gateway-made reference the sender's answer names the input by
     * @param messageId   the id as the sender gave it, if one could be read; cut to what the column holds
     */
    public void quarantine(String partnerCode, String reference, String messageId, String payloadSha256,
            byte[] payload, long payloadSize, String errorCode, String reason) {
        jdbc.sql("""
                insert into quarantined_input (partner_code, reference, message_id, payload_sha256, payload,
                    payload_size, error_code, reason, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(partnerCode, reference, abbreviate(messageId, 200), payloadSha256, payload, payloadSize,
                        errorCode, abbreviate(reason, 20_000), now())
                .update();
    }

    /** Records a request refused before its content was read: an unknown partner or a wrong credential. */
    public void refuseAccess(String claimedPartner, String transport, String remoteAddress, String errorCode,
            String reason) {
        jdbc.sql("""
                insert into refused_access (claimed_partner, transport, remote_address, error_code, reason, refused_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(abbreviate(claimedPartner, 32), transport, abbreviate(remoteAddress, 64), errorCode,
                        abbreviate(reason, 2000), now())
                .update();
    }

    public int refusedAccessCount(String claimedPartner) {
        return jdbc.sql("select count(*) from refused_access where claimed_partner = ?")
                .param(abbreviate(claimedPartner, 32))
                .query(Integer.class)
                .single();
    }

    /**
     * The code a rejection's reasons lead with (one reason per line, {@code CODE|path|reason}), the one its answer and
     * the rejection metrics name first; null when the reason is not in that form.
     */
    static String leadingErrorCode(String reason) {
        int end = reason == null ? -1 : reason.indexOf('|');
        return end < 1 || end > 40 ? null : reason.substring(0, end);
    }

    /** Cuts text to what a column holds, never between the two halves of a surrogate pair. */
    private static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max);
    }

    /** Why each input of the partner was quarantined, oldest first. */
    public List<String> quarantinedReasons(String partnerCode) {
        return jdbc.sql("select reason from quarantined_input where partner_code = ? order by id")
                .param(partnerCode)
                .query(String.class)
                .list();
    }

    /** The quarantined input a sender was answered about, by the reference its answer gave. */
    public Optional<QuarantinedInput> findQuarantined(String reference) {
        return jdbc.sql("""
                select partner_code, reference, message_id, payload_sha256, payload_size, error_code, reason
                from quarantined_input where reference = ?""")
                .param(reference)
                .query((rs, row) -> new QuarantinedInput(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7)))
                .optional();
    }

    public int quarantinedCount(String partnerCode) {
        return jdbc.sql("select count(*) from quarantined_input where partner_code = ?")
                .param(partnerCode)
                .query(Integer.class)
                .single();
    }

    /**
     * Opens a transferred case and publishes {@link CaseOpened} in the caller's transaction.
     *
     * @param openedBy the message that opens it, a complaint or a report
     */
    public void openCase(TransferCase transferCase, MessageKind openedBy) {
        insertCase(transferCase);
        events.publishEvent(new CaseOpened(transferCase, openedBy));
    }

    /**
     * Opens the case of a cross-store return request (异地异店退货). No {@link CaseOpened}: the legal clocks of Order
     * No. 121 are a complaint's; a return's answer is due by its own time, which the returns feature keeps.
     */
    public void openReturnCase(TransferCase transferCase) {
        insertCase(transferCase);
    }

    /** Links a case to another one it came from or led to, e.g. a return request and the complaint it became. */
    public void link(String gatewayRef, String linkedCase) {
        jdbc.sql("update transfer_case set linked_case_ref = ? where gateway_ref = ?")
                .params(linkedCase, gatewayRef)
                .update();
    }

    private void insertCase(TransferCase transferCase) {
        CaseJurisdiction jurisdiction = transferCase.jurisdiction();
        jdbc.sql("""
                insert into transfer_case (gateway_ref, origin_partner, origin_case_number, origin_message_id,
                    receiving_partner, receiving_division, state, received_at, updated_at, linked_case_ref,
                    jurisdiction_rule, jurisdiction_detail, jurisdiction_to_tell)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(transferCase.gatewayRef(), transferCase.originPartner(), transferCase.originCaseNumber(),
                        transferCase.originMessageId(), transferCase.receivingPartner(),
                        transferCase.receivingDivision(), transferCase.state(), transferCase.receivedAt(),
                        transferCase.updatedAt(), transferCase.linkedCase(),
                        jurisdiction == null ? null : jurisdiction.rule(),
                        jurisdiction == null ? null : jurisdiction.detail(),
                        jurisdiction == null ? null : jurisdiction.toTellColumn())
                .update();
    }

    /**
     * The partners the origin partner's case (by its origin case number) was already transferred to and that still
     * hold it, first received first: those that "received it first" (art. 14) when the same dispute comes again. A
     * partner that returned it (退回) as not its own no longer holds it.
     */
    public List<String> holdersOf(String originPartner, String originCaseNumber) {
        if (originCaseNumber == null) {
            return List.of();
        }
        return jdbc.sql("""
                select receiving_partner from transfer_case
                where origin_case_number = ? and origin_partner = ? and state <> 'RETURNED'
                order by received_at, gateway_ref""")
                .params(originCaseNumber, originPartner)
                .query(String.class)
                .list();
    }

    public Optional<TransferCase> findCase(String gatewayRef) {
        return jdbc.sql("select * from transfer_case where gateway_ref = ?")
                .param(gatewayRef)
                .query((rs, row) -> new TransferCase(
                        rs.getString("gateway_ref"),
                        rs.getString("origin_partner"),
                        rs.getString("origin_case_number"),
                        rs.getString("origin_message_id"),
                        rs.getString("receiving_partner"),
                        rs.getString("receiving_division"),
                        rs.getString("state"),
                        rs.getObject("received_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getBoolean("needs_operator"),
                        rs.getString("linked_case_ref"),
                        CaseJurisdiction.of(rs.getString("jurisdiction_rule"), rs.getString("jurisdiction_detail"),
                                rs.getString("jurisdiction_to_tell"))))
                .optional();
    }

    /** In UTC and to the microsecond, as both databases keep it, so a row read back equals the row written. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong("id"),
                Direction.valueOf(rs.getString("direction")),
                rs.getString("partner_code"),
                rs.getString("message_id"),
                rs.getString("message_type"),
                rs.getString("sender"),
                rs.getString("receiver"),
                rs.getString("case_ref"),
                rs.getString("gateway_ref"),
                rs.getString("payload_sha256"),
                MessageState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
