package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.DeliveryLedger.DueDelivery;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * An operator's retry or replay of a delivery (重新投递 / 重放): the message is put back in line in the ledger, with its
 * attempts counted from nought and a new retry horizon, and dispatched at once. The operator action is audited in the
 * transaction that requeues, and the ledger row names it, so the next attempt's {@code delivery_attempt} row is linked
 * to who asked and why; the earlier attempts stay. Should a dispatch be lost, the message is due in the ledger and the
 * sweeper dispatches it.
 */
@Component
public class DeliveryRetry {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetry.class);
    /** Messages requeued per transaction by a bulk retry: short transactions, and far fewer than one per message. */
    static final int REQUEUE_BATCH = 100;

    /** What became of a retry or replay request. */
    public enum Outcome {
        RETRIED, NOT_FOUND, NOT_RETRYABLE
    }

    /**
     * @param actionId the audited operator action, when it was done
     */
    public record Result(Outcome outcome, Long actionId) {
    }

    /** A message a bulk retry left as it was, and why. */
    public record Skipped(long ledgerId, String why) {
    }

    /** What a bulk retry did under one audited action. */
    public record BulkResult(long actionId, List<Long> retried, List<Skipped> skipped) {
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

    /** Retries one failed or waiting delivery; {@code reason} may be empty. */
    public Result retry(long ledgerId, String operator, String reason) {
        Optional<LedgerEntry> found = inbound(ledgerId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        LedgerEntry entry = found.get();
        if (entry.state() == MessageState.REJECTED || entry.state() == MessageState.DELIVERED
                || entry.state() == MessageState.DELIVERING) {
            return new Result(Outcome.NOT_RETRYABLE, null);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long actionId = transaction.execute(tx -> {
            long id = audit.record(operator, "RETRY_DELIVERY", "message:" + ledgerId, describe(entry), reason);
            if (deliveries.requeue(ledgerId, now.plus(dispatchGrace), retryUntil(entry, now), id)) {
                return id;
            }
            tx.setRollbackOnly();
            return null;
        });
        if (actionId == null) {
            return new Result(Outcome.NOT_RETRYABLE, null);
        }
        dispatchRetried(entry);
        return new Result(Outcome.RETRIED, actionId);
    }

    /**
     * Sends a delivered message to its receiver again (重放), as when the receiver lost it: a new attempt under the
     * audited action {@code REPLAY_DELIVERY}, which a message not delivered cannot have (a failed one is retried).
     */
    public Result replay(long ledgerId, String operator, String reason) {
        Optional<LedgerEntry> found = inbound(ledgerId);
        if (found.isEmpty()) {
            return new Result(Outcome.NOT_FOUND, null);
        }
        LedgerEntry entry = found.get();
        if (entry.state() != MessageState.DELIVERED) {
            return new Result(Outcome.NOT_RETRYABLE, null);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long actionId = transaction.execute(tx -> {
            long id = audit.record(operator, "REPLAY_DELIVERY", "message:" + ledgerId, describe(entry), reason);
            if (deliveries.replay(ledgerId, now.plus(dispatchGrace), retryUntil(entry, now), id)) {
                return id;
            }
            tx.setRollbackOnly();
            return null;
        });
        if (actionId == null) {
            return new Result(Outcome.NOT_RETRYABLE, null);
        }
        dispatcher.dispatch(due(entry, actionId));
        return new Result(Outcome.RETRIED, actionId);
    }

    /**
     * Retries many deliveries under one audited action {@code BULK_RETRY}, which every requeued message names. They are
     * requeued in batches of {@value #REQUEUE_BATCH}, each in one transaction, the first with the audit record; each
     * batch is dispatched once committed. A message no longer failed or waiting (it changed since it was matched) is
     * skipped.
     *
     * @param subject what the action is on, e.g. {@code messages:SH} for one receiver's
     * @param filter  what the operator asked for, for the audit
     */
    public BulkResult retryAll(List<Long> ledgerIds, String operator, String subject, String filter, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> retried = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String detail = filter + "; matched " + ledgerIds.size();
        long actionId = 0;
        for (int from = 0; from == 0 || from < ledgerIds.size(); from += REQUEUE_BATCH) {
            List<Long> batch = ledgerIds.subList(Math.min(from, ledgerIds.size()),
                    Math.min(from + REQUEUE_BATCH, ledgerIds.size()));
            boolean first = from == 0;
            long knownAction = actionId;
            List<LedgerEntry> requeued = new ArrayList<>();
            actionId = transaction.execute(tx -> {
                long id = first ? audit.record(operator, "BULK_RETRY", subject, detail, reason) : knownAction;
                for (long ledgerId : batch) {
                    Optional<LedgerEntry> entry = inbound(ledgerId);
                    Optional<String> why = entry.isEmpty() ? Optional.of("no such inbound message")
                            : whyNotRetried(entry.get(), now, id);
                    why.ifPresentOrElse(text -> skipped.add(new Skipped(ledgerId, text)),
                            () -> requeued.add(entry.get()));
                }
                return id;
            });
            for (LedgerEntry entry : requeued) {
                retried.add(entry.id());
                try {
                    dispatchRetried(entry);
                } catch (RuntimeException e) {
                    // It is due in the ledger: the sweeper dispatches it once the grace has passed.
                    log.warn("Could not dispatch {} after a bulk retry; the sweeper will: {}", entry.id(),
                            e.toString());
                }
            }
        }
        return new BulkResult(actionId, retried, skipped);
    }

    /** Requeues one message of a bulk retry, or says why not. */
    private Optional<String> whyNotRetried(LedgerEntry entry, OffsetDateTime now, long actionId) {
        if (entry.state() != MessageState.DELIVERY_FAILED && entry.state() != MessageState.AWAITING_RETRY) {
            return Optional.of("now " + entry.state());
        }
        if (partners.find(entry.receiver()).isEmpty()) {
            return Optional.of("receiver " + entry.receiver() + " is not a partner any more");
        }
        return deliveries.requeue(entry.id(), now.plus(dispatchGrace), retryUntil(entry, now), actionId)
                ? Optional.empty()
                : Optional.of("changed while it was retried");
    }

    /** A retried replay stays one, so the receiver's de-duplication still takes it. */
    private void dispatchRetried(LedgerEntry entry) {
        dispatcher.dispatch(due(entry, deliveries.replayUnderWay(entry.id()).orElse(null)));
    }

    private Optional<LedgerEntry> inbound(long ledgerId) {
        return ledger.find(ledgerId).filter(entry -> entry.direction() == Direction.IN);
    }

    private OffsetDateTime retryUntil(LedgerEntry entry, OffsetDateTime now) {
        return now.plus(partners.require(entry.receiver()).delivery().horizon());
    }

    private static DueDelivery due(LedgerEntry entry, Long replayActionId) {
        return new DueDelivery(entry.id(), new MessageKey(entry.partnerCode(), entry.messageId()), entry.receiver(),
                entry.gatewayRef(), entry.messageType(), replayActionId);
    }

    private static String describe(LedgerEntry entry) {
        return entry.partnerCode() + ":" + entry.messageId() + " to " + entry.receiver();
    }

}
