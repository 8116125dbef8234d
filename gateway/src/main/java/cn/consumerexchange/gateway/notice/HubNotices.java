package cn.consumerexchange.gateway.notice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ContractCodec;
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
import cn.consumerexchange.gateway.trace.TraceParent;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Sends the hub's notices (交换中心告知) through the ordinary delivery: each is recorded as an accepted inbound ledger
 * row of the hub (partner {@link CaseTransitions#GATEWAY}, authority {@code exchange.authority}) in the caller's
 * transaction, so it is retried, swept and shown to operators like any accepted message, and written in the
 * receiver's own format when delivered. Once that transaction commits the delivery is nudged; a lost nudge is the
 * delivery sweeper's to make good when the row's lease runs out.
 *
 * <p>"Once" rests on the notice's message id and the ledger's unique key: a notice whose id is already recorded (a
 * re-run, a restart, a second instance) is not recorded or sent again.
 */
@Component
public class HubNotices {

    private static final Logger log = LoggerFactory.getLogger(HubNotices.class);

    private final TransferLedger ledger;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final String hub;

    @Autowired
    public HubNotices(TransferLedger ledger, AdapterCatalog adapters, ContractCodec codec, ProducerTemplate camel,
            Clock clock, ExchangeProperties properties) {
        this(ledger, adapters, codec, camel, clock, properties.authority());
    }

    HubNotices(TransferLedger ledger, AdapterCatalog adapters, ContractCodec codec, ProducerTemplate camel,
            Clock clock, String hub) {
        this.ledger = ledger;
        this.adapters = adapters;
        this.codec = codec;
        this.camel = camel;
        this.clock = clock;
        this.hub = hub;
    }

    /**
     * Records the notice in the caller's transaction and nudges its delivery once that commits.
     *
     * @return false when a notice of that id was already recorded: nothing more is sent
     * @throws IllegalStateException when the caller holds no transaction
     */
    public boolean queue(HubNotice notice) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A hub notice is queued in the transaction that decides it");
        }
        if (ledger.findInbound(CaseTransitions.GATEWAY, notice.messageId()).isPresent()) {
            return false;
        }
        byte[] contractXml = codec.write(message(notice));
        TraceParent trace = TraceParent.start();
        String receiver = notice.receiver().code();
        ledger.record(new TransferLedger.NewEntry(Direction.IN, CaseTransitions.GATEWAY, notice.messageId(),
                MessageKind.STATUS_UPDATE.name(), hub, receiver, notice.gatewayRef(), notice.gatewayRef(),
                Sha256.hex(contractXml), contractXml, MessageState.ACCEPTED, null, null, trace.traceId()));
        handOffAfterCommit(notice.messageId(), receiver, notice.gatewayRef(), contractXml, trace);
        return true;
    }

    /**
     * Nudges the delivery of a message the hub itself recorded (a notice, or a complaint it made of a return) once the
     * caller's transaction commits. A nudge lost here leaves the message to the delivery sweeper.
     */
    public void handOffAfterCommit(String messageId, String receiver, String gatewayRef, byte[] contractXml,
            TraceParent trace) {
        Map<String, Object> nudge = Map.of(
                Endpoints.SENDER_HEADER, CaseTransitions.GATEWAY,
                Endpoints.MESSAGE_ID_HEADER, messageId,
                Endpoints.RECEIVER_HEADER, receiver,
                Endpoints.GATEWAY_REF_HEADER, gatewayRef,
                Endpoints.HELD_BY_INTAKE_HEADER, true,
                TraceParent.HEADER, trace.toString());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    camel.sendBodyAndHeaders(Endpoints.HAND_OFF, contractXml, nudge);
                } catch (RuntimeException e) {
                    log.warn("Message {} of the hub to {} waits for the delivery sweeper: {}", messageId, receiver,
                            e.toString());
                }
            }
        });
    }

    /** Why the receiver's format cannot carry the notice, when it cannot; a notice it cannot carry is not queued. */
    public Optional<String> cannotCarry(HubNotice notice) {
        String format = notice.receiver().format();
        PartnerAdapter adapter = adapters.forFormat(format);
        if (!adapter.messageTypes().contains(MessageKind.STATUS_UPDATE)) {
            return Optional.of(format + " carries no status updates"
                    + adapter.notCarriedReason(MessageKind.STATUS_UPDATE).map(reason -> ": " + reason).orElse(""));
        }
        try {
            adapter.toNative(message(notice));
            return Optional.empty();
        } catch (IllegalArgumentException unwritable) {
            return Optional.of(format + " cannot carry the notice: " + unwritable.getMessage());
        }
    }

    /** The notice as the contract's status update from the hub. */
    ExchangeMessage message(HubNotice notice) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        Envelope envelope = new Envelope();
        envelope.setMessageId(notice.messageId());
        envelope.setMessageType(MessageKind.STATUS_UPDATE);
        envelope.setSender(hub);
        envelope.setReceiver(notice.receiver().authority());
        envelope.getCaseRef().addAll(notice.caseRefs());
        envelope.setSentAt(now);
        envelope.setContractVersion("1.0");
        StatusUpdate update = new StatusUpdate();
        update.setCaseRef(notice.gatewayRef());
        update.setState(notice.state());
        update.setBy(hub);
        update.setAt(now);
        update.setNote(notice.note());
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setStatusUpdate(update);
        return message;
    }
}
