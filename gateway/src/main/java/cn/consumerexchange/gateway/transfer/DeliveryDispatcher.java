package cn.consumerexchange.gateway.transfer;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ledger.DeliveryLedger.DueDelivery;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.report.ReportSeparation;
import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * Sends a new nudge for a message the ledger says is due, read again from the payload the ledger kept: for the
 * sweeper and for an operator's retry, when the intake's own nudge is gone. A complaint submitted with a report is kept
 * as received and separated again here, so its complaint case gets the complaint alone and its report case the report
 * (art. 9 and 37, see {@link ReportSeparation}). The hub's own messages (sender {@link CaseTransitions#GATEWAY}: a
 * deadline notice, a related-case notice) are kept as contract documents.
 */
@Component
class DeliveryDispatcher {

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final ProducerTemplate camel;
    private final ReportSeparation separation;

    DeliveryDispatcher(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters, ContractCodec codec,
            ProducerTemplate camel, ReportSeparation separation) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
        this.camel = camel;
        this.separation = separation;
    }

    void dispatch(DueDelivery due) {
        TransferLedger.StoredMessage stored = ledger.storedMessageOf(due.ledgerId()).orElseThrow();
        ExchangeMessage message = contractOf(due.key(), due.messageType(), stored.payload());
        // The nudge carries the message's trace (调用链), so the attempt it starts stays in it.
        TraceParent trace = TraceParent.ofTraceId(stored.traceId());
        Map<String, Object> nudge = new HashMap<>(Map.of(
                Endpoints.SENDER_HEADER, due.key().partnerCode(),
                Endpoints.MESSAGE_ID_HEADER, due.key().messageId(),
                Endpoints.RECEIVER_HEADER, due.receiver(),
                Endpoints.GATEWAY_REF_HEADER, due.gatewayRef(),
                TraceParent.HEADER, trace.toString()));
        if (due.replayActionId() != null) {
            nudge.put(Delivery.REPLAY_ACTION, due.replayActionId());
        }
        camel.sendBodyAndHeaders(Endpoints.HAND_OFF, codec.write(message), nudge);
    }

    /**
     * The message of an inbound row, read again from its payload: for a nudge carrying a copy the intake wrote in a
     * format its receiver no longer has (the partner registry changed while the nudge waited).
     */
    ExchangeMessage contractOf(MessageKey key) {
        LedgerEntry row = ledger.findInbound(key.partnerCode(), key.messageId()).orElseThrow();
        return contractOf(key, row.messageType(), ledger.storedMessageOf(row.id()).orElseThrow().payload());
    }

    /** The message a row of {@code messageType} delivers, separated again from the submission kept as received. */
    private ExchangeMessage contractOf(MessageKey key, String messageType, byte[] payload) {
        ExchangeMessage received = CaseTransitions.GATEWAY.equals(key.partnerCode())
                ? codec.read(payload)
                : adapters.forFormat(partners.require(key.partnerCode()).format()).toContract(payload);
        return separation.separate(received)
                .map(parts -> MessageKind.REPORT.name().equals(messageType) ? parts.report() : parts.complaint())
                .orElse(received);
    }
}
