package cn.consumerexchange.gateway.related;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
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
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.trace.TraceParent;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Tells the other authority of a link (并案告知): the receiver of the case received second gets a status update from
 * the hub about its own case, its state unchanged, whose note names the leading case, the score and the reasons. When
 * the leading case is already accepted, the note offers the art. 16 ground (the same dispute already accepted
 * elsewhere) and the link records the offer; the second case's state is never changed.
 *
 * <p>The notice is a ledger row like any accepted message, sent by the hub (partner code
 * {@link CaseTransitions#GATEWAY}, authority {@code exchange.authority}), so the
 * ordinary delivery carries it in the receiver's format, retries it and shows it to operators when it fails. A format
 * that cannot carry it leaves the reason on the link, for operators. A pair filed by one partner is that authority's
 * own duplicate, not one across regions: it is linked for operators, and nobody else is told.
 */
@Component
class RelatedCaseNotices {

    /** States in which a case has been accepted (受理) by its receiving authority. */
    static final Set<String> ACCEPTED_STATES = Set.of(CaseState.ACCEPTED.name(), CaseState.IN_MEDIATION.name(),
            CaseState.MEDIATION_PAUSED.name(), CaseState.MEDIATED.name(), CaseState.MEDIATION_ENDED.name());

    /** A notice recorded in the ledger and waiting for its nudge to delivery. */
    record PendingNotice(String messageId, String receiver, String gatewayRef, byte[] contractXml, TraceParent trace) {
    }

    private final TransferLedger ledger;
    private final RelatedCaseViews views;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final String hub;

    RelatedCaseNotices(TransferLedger ledger, RelatedCaseViews views, PartnerRegistry partners,
            AdapterCatalog adapters, ContractCodec codec, ProducerTemplate camel, Clock clock,
            ExchangeProperties properties) {
        this.ledger = ledger;
        this.views = views;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
        this.camel = camel;
        this.clock = clock;
        this.hub = properties.authority();
    }

    /**
     * Records the notice of a link across regions, once: a link already told (a case looked at again) gives nothing.
     * Runs in the caller's transaction; the notice is nudged to delivery by {@link #nudge} after it commits.
     */
    Optional<PendingNotice> tell(RelatedCaseLink link) {
        if (link.leadPartner().equals(link.otherPartner())) {
            return Optional.empty();
        }
        TransferCase lead = ledger.findCase(link.leadRef()).orElseThrow();
        TransferCase other = ledger.findCase(link.otherRef()).orElseThrow();
        boolean art16 = ACCEPTED_STATES.contains(lead.state());
        Partner receiver = partners.require(other.receivingPartner());
        String messageId = "RELATED:" + lead.gatewayRef() + ":" + other.gatewayRef();
        ExchangeMessage notice = notice(messageId, link, lead, other, receiver, art16);
        Optional<String> problem = cannotCarry(receiver, notice);
        if (!views.recordNotice(link, problem.isEmpty() ? messageId : null, problem.orElse(null), art16)) {
            return Optional.empty();
        }
        if (problem.isPresent()) {
            return Optional.empty();
        }
        byte[] xml = codec.write(notice);
        TraceParent trace = TraceParent.start();
        ledger.record(new TransferLedger.NewEntry(Direction.IN, CaseTransitions.GATEWAY, messageId,
                MessageKind.STATUS_UPDATE.name(), hub,
                receiver.code(), other.gatewayRef(), other.gatewayRef(), Sha256.hex(xml), xml, MessageState.ACCEPTED,
                null, null, trace.traceId()));
        return Optional.of(new PendingNotice(messageId, receiver.code(), other.gatewayRef(), xml, trace));
    }

    /** Hands a recorded notice to delivery; a nudge lost here is replaced by the delivery sweeper. */
    void nudge(PendingNotice notice) {
        camel.sendBodyAndHeaders(Endpoints.HAND_OFF, notice.contractXml(), Map.of(
                Endpoints.SENDER_HEADER, CaseTransitions.GATEWAY,
                Endpoints.MESSAGE_ID_HEADER, notice.messageId(),
                Endpoints.RECEIVER_HEADER, notice.receiver(),
                Endpoints.GATEWAY_REF_HEADER, notice.gatewayRef(),
                Endpoints.HELD_BY_INTAKE_HEADER, true,
                TraceParent.HEADER, notice.trace().toString()));
    }

    private ExchangeMessage notice(String messageId, RelatedCaseLink link, TransferCase lead, TransferCase other,
            Partner receiver, boolean art16) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(messageId);
        envelope.setMessageType(MessageKind.STATUS_UPDATE);
        envelope.setSender(hub);
        envelope.setReceiver(receiver.authority());
        envelope.getCaseRef().add(other.gatewayRef());
        envelope.getCaseRef().add(lead.gatewayRef());
        OffsetDateTime now = OffsetDateTime.now(clock);
        envelope.setSentAt(now);
        envelope.setContractVersion("1.0");
        StatusUpdate status = new StatusUpdate();
        status.setCaseRef(other.gatewayRef());
        status.setState(CaseState.valueOf(other.state()));
        status.setBy(hub);
        status.setAt(now);
        status.setNote(note(link, lead, partners.require(lead.originPartner()).authority(), art16));
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setStatusUpdate(status);
        return message;
    }

    /** The note in Chinese and English: the receiving authority's staff read one or the other. */
    static String note(RelatedCaseLink link, TransferCase lead, String leadAuthority, boolean art16) {
        String score = String.format(Locale.ROOT, "%.2f", link.score());
        String chinese = "并案提示：本案与案件 " + lead.gatewayRef() + "（" + leadAuthority + " 先收到，原案件编号 "
                + lead.originCaseNumber() + "）疑似同一纠纷，由先收到的部门主办（第十四条）。相似度 " + score + "；理由："
                + link.reasons().stream().map(MatchReason::chinese).collect(Collectors.joining("；")) + "。"
                + (art16 ? "该案已受理：本投诉可依第十六条不予受理（同一纠纷已由其他部门受理），由贵部门决定，网关不自动适用。" : "");
        String english = "Related case: this complaint looks like the same dispute as case " + lead.gatewayRef()
                + " (received first by " + leadAuthority + ", origin case " + lead.originCaseNumber()
                + "), which leads (art. 14). Score " + score + "; reasons: "
                + link.reasons().stream().map(MatchReason::text).collect(Collectors.joining("; ")) + "."
                + (art16 ? " That case is already accepted: this complaint may be refused under art. 16 (the same"
                        + " dispute already accepted elsewhere); the decision is yours, the gateway applies nothing."
                        : "");
        return chinese + "\n" + english;
    }

    /** Why the receiver's format cannot carry the notice, when it cannot. */
    private Optional<String> cannotCarry(Partner receiver, ExchangeMessage notice) {
        PartnerAdapter format = adapters.forFormat(receiver.format());
        if (!format.messageTypes().contains(MessageKind.STATUS_UPDATE)) {
            return Optional.of(receiver.format() + " carries no status updates"
                    + format.notCarriedReason(MessageKind.STATUS_UPDATE).map(reason -> ": " + reason).orElse(""));
        }
        try {
            format.toNative(notice);
            return Optional.empty();
        } catch (IllegalArgumentException unwritable) {
            return Optional.of(receiver.format() + " cannot carry the notice: " + unwritable.getMessage());
        }
    }
}
