package cn.consumerexchange.gateway.transfer;

import java.time.OffsetDateTime;

import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.partner.DeliveryPolicy;

/**
 * What becomes of a message after a failed delivery attempt (重试计划): tried again at a later time, or failed for an
 * operator. Transient failures are retried with exponential back-off until the retry horizon; an open circuit defers
 * the message without counting an attempt; a permanent failure fails at once.
 */
sealed interface RetryPlan {

    /** Try again at {@code at}; {@code attempted} says whether the failed attempt counts. */
    record RetryAt(OffsetDateTime at, String reason, boolean attempted) implements RetryPlan {
    }

    /** No more attempts: an operator decides. */
    record Fail(String reason) implements RetryPlan {
    }

    static RetryPlan after(DeliveryFailure failure, DeliveryPolicy policy, DeliveryLedger.Attempts attempts,
            OffsetDateTime now) {
        return switch (failure.kind()) {
            case PERMANENT -> new Fail(failure.reason());
            case CIRCUIT_OPEN -> new RetryAt(now.plus(policy.circuitOpenWait()), failure.reason(), false);
            case TRANSIENT -> {
                OffsetDateTime retryUntil = attempts.retryUntil() != null
                        ? attempts.retryUntil()
                        : attempts.acceptedAt().plus(policy.horizon());
                OffsetDateTime next = now.plus(policy.backoffAfter(attempts.made()));
                yield next.isAfter(retryUntil)
                        ? new Fail("Gave up after " + attempts.made() + " attempts, the last at " + now + ": "
                                + failure.reason())
                        : new RetryAt(next, "Attempt " + attempts.made() + " failed: " + failure.reason(), true);
            }
        };
    }
}
