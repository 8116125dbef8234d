package cn.consumerexchange.gateway.transfer;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * An operator's retry of a delivery (重新投递): the message is read again from the payload the ledger kept, put back
 * in line and handed to its receiver's delivery queue. The retry is audited in the same transaction that requeues.
 */
@Component
public class DeliveryRetry {

    /** What became of a retry request. */
    public enum Outcome {
        RETRIED, NOT_FOUND, NOT_RETRYABLE
    }

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final OperatorAudit audit;
    private final TransactionTemplate transaction;
    private final ProducerTemplate camel;

    public DeliveryRetry(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters, ContractCodec codec,
            OperatorAudit audit, TransactionTemplate transaction, ProducerTemplate camel) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
        this.audit = audit;
        this.transaction = transaction;
        this.camel = camel;
    }

    public Outcome retry(long ledgerId, String operator) {
        Optional<LedgerEntry> found = ledger.find(ledgerId).filter(entry -> entry.direction() == Direction.IN);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        LedgerEntry entry = found.get();
        if (entry.state() != MessageState.DELIVERY_FAILED && entry.state() != MessageState.ACCEPTED) {
            return Outcome.NOT_RETRYABLE;
        }
        ExchangeMessage message = adapters.forFormat(partners.require(entry.partnerCode()).format())
                .toContract(ledger.payloadOf(ledgerId).orElseThrow());
        byte[] contractXml = codec.write(message);
        Boolean requeued = transaction.execute(tx -> {
            boolean back = ledger.requeue(ledgerId);
            if (back) {
                audit.record(operator, "RETRY_DELIVERY", "message:" + ledgerId,
                        entry.partnerCode() + ":" + entry.messageId() + " to " + entry.receiver());
            }
            return back;
        });
        if (!Boolean.TRUE.equals(requeued)) {
            return Outcome.NOT_RETRYABLE;
        }
        camel.sendBodyAndHeaders(Endpoints.HAND_OFF, contractXml, Map.of(
                Endpoints.LEDGER_ID_HEADER, ledgerId,
                Endpoints.RECEIVER_HEADER, entry.receiver(),
                Endpoints.GATEWAY_REF_HEADER, entry.gatewayRef()));
        return Outcome.RETRIED;
    }
}
