package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * An operator's retry of a delivery (重新投递): the message is put back in line in the ledger, with its attempts
 * counted from nought and a new retry horizon, and dispatched at once. The retry is audited in the same transaction
 * that requeues; should the dispatch be lost, the message is due in the ledger and the sweeper dispatches it.
 */
@Component
public class DeliveryRetry {

    /** What became of a retry request. */
    public enum Outcome {
        RETRIED, NOT_FOUND, NOT_RETRYABLE
    }

    private final TransferLedger ledger;
    private final DeliveryLedger deliveries;
    private final DeliveryDispatcher dispatcher;
    private final PartnerRegistry partners;
    private final OperatorAudit audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration dispatchGrace;

    DeliveryRetry(TransferLedger ledger, DeliveryLedger deliveries, DeliveryDispatcher dispatcher,
            PartnerRegistry partners, OperatorAudit audit, TransactionTemplate transaction, Clock clock,
            ExchangeProperties properties) {
        this.dispatchGrace = properties.delivery().dispatchGrace();
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Outcome retry(long ledgerId, String operator, String reason) {
        Optional<LedgerEntry> found = ledger.find(ledgerId).filter(entry -> entry.direction() == Direction.IN);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        LedgerEntry entry = found.get();
        if (entry.state() == MessageState.REJECTED || entry.state() == MessageState.DELIVERED
                || entry.state() == MessageState.DELIVERING) {
            return Outcome.NOT_RETRYABLE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime retryUntil = now.plus(partners.require(entry.receiver()).delivery().horizon());
        Boolean requeued = transaction.execute(tx -> {
            boolean back = deliveries.requeue(ledgerId, now.plus(dispatchGrace), retryUntil);
            if (back) {
                audit.record(operator, "RETRY_DELIVERY", "message:" + ledgerId,
                        entry.partnerCode() + ":" + entry.messageId() + " to " + entry.receiver(), reason);
            }
            return back;
        });
        if (!Boolean.TRUE.equals(requeued)) {
            return Outcome.NOT_RETRYABLE;
        }
        dispatcher.dispatch(new DeliveryLedger.DueDelivery(ledgerId,
                new MessageKey(entry.partnerCode(), entry.messageId()), entry.receiver(), entry.gatewayRef(),
                entry.messageType()));
        return Outcome.RETRIED;
    }
}
