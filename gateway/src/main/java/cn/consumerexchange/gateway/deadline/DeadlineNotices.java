package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.StatusUpdate;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Tells the region holding a case of a clock due soon or missed: a status update (反馈) from the hub, in the region's
 * own format, through the normal delivery. The contract has no state for a deadline, so the update repeats the case's
 * current state and says what is due in its note; the state does not change.
 *
 * <p>The update is recorded as an accepted inbound ledger row of the hub ({@link CaseTransitions#GATEWAY}), in the
 * caller's transaction, which also marks the clock: the notice is queued exactly when the clock is marked. Once that
 * transaction commits the delivery is nudged; a lost nudge is the delivery sweeper's to make good when the row's lease
 * runs out, as for every accepted message.
 */
@Component
class DeadlineNotices {

    private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

    private final TransferLedger ledger;
    private final ContractCodec codec;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final String gatewayAuthority;

    DeadlineNotices(TransferLedger ledger, ContractCodec codec, ProducerTemplate camel,
            Clock clock, ExchangeProperties properties) {
        this.ledger = ledger;
        this.codec = codec;
        this.camel = camel;
        this.clock = clock;
        this.gatewayAuthority = properties.authority();
    }

    /** Queues the notice in the caller's transaction; it goes out once that commits. */
    void queue(StoredClock stored, ClockReading reading, DeadlineNotice notice) {
        ClockState clockState = reading.clock();
        String gatewayRef = clockState.caseRef();
        String messageId = "GW-DL-" + stored.id() + "-" + clockState.startedAt().getEpochSecond() + "-"
                + notice.suffix();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        CaseState state = CaseState.valueOf(ledger.findCase(gatewayRef).orElseThrow().state());
        byte[] contractXml = codec.write(statusUpdate(messageId, gatewayRef, state, now, text(reading, notice)));
        ledger.record(new TransferLedger.NewEntry(Direction.IN, CaseTransitions.GATEWAY, messageId,
                MessageKind.STATUS_UPDATE.name(), gatewayAuthority, stored.partner(), gatewayRef, gatewayRef,
                Sha256.hex(contractXml), contractXml, MessageState.ACCEPTED, null));
        Map<String, Object> nudge = Map.of(
                Endpoints.SENDER_HEADER, CaseTransitions.GATEWAY,
                Endpoints.MESSAGE_ID_HEADER, messageId,
                Endpoints.RECEIVER_HEADER, stored.partner(),
                Endpoints.GATEWAY_REF_HEADER, gatewayRef,
                Endpoints.HELD_BY_INTAKE_HEADER, true);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    camel.sendBodyAndHeaders(Endpoints.HAND_OFF, contractXml, nudge);
                } catch (RuntimeException e) {
                    log.warn("Deadline notice {} to {} waits for the delivery sweeper: {}", messageId,
                            stored.partner(), e.toString());
                }
            }
        });
    }

    /** The note, in both languages: which clock, under which provision, due when, and what follows. */
    static String text(ClockReading reading, DeadlineNotice notice) {
        ClockState clockState = reading.clock();
        return notice.heading() + ": " + clockState.kind() + " of case " + clockState.caseRef() + " ("
                + reading.article() + ", " + clockState.ruleSet().order() + ")"
                + (notice == DeadlineNotice.MISSED ? " was due on " : " is due on ") + reading.dueDate()
                + "; when it runs out: " + clockState.rule().whenRunOut();
    }

    private ExchangeMessage statusUpdate(String messageId, String gatewayRef, CaseState state, OffsetDateTime at,
            String note) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(messageId);
        envelope.setMessageType(MessageKind.STATUS_UPDATE);
        envelope.setSender(gatewayAuthority);
        envelope.getCaseRef().add(gatewayRef);
        envelope.setSentAt(at);
        envelope.setContractVersion("1.0");
        StatusUpdate update = new StatusUpdate();
        update.setCaseRef(gatewayRef);
        update.setState(state);
        update.setBy(gatewayAuthority);
        update.setAt(at);
        update.setNote(note);
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setStatusUpdate(update);
        return message;
    }
}
