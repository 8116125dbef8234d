package cn.consumerexchange.gateway.transfer;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.audit.ActingOperator;
import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * An operator sends one delivery again; the audit trail keeps who and why, and the attempt it causes names the audited
 * action ({@code actionId}).
 * <ul>
 * <li>{@code POST /api/messages/{ledgerId}/retry?reason=}: a failed or waiting delivery; the reason is optional. 202
 * when retried, 404 for no such inbound message, 409 when it was delivered or rejected and there is nothing to retry
 * (replay a delivered one).</li>
 * <li>{@code POST /api/messages/{ledgerId}/replay?reason=}: a delivered message the receiver lost, sent again; the
 * reason is required (400 {@code REASON_REQUIRED}). 202, 404, or 409 when it is not delivered (retry it).</li>
 * </ul>
 */
@RestController
class DeliveryRetryController {

    private final DeliveryRetry retries;

    DeliveryRetryController(DeliveryRetry retries) {
        this.retries = retries;
    }

    record RetryView(long ledgerId, DeliveryRetry.Outcome outcome, Long actionId) {
    }

    @PostMapping("/api/messages/{ledgerId}/retry")
    ResponseEntity<RetryView> retry(@PathVariable long ledgerId, @RequestParam(required = false) String reason,
            Principal principal) {
        return answer(ledgerId, retries.retry(ledgerId, ActingOperator.name(principal), reason));
    }

    @PostMapping("/api/messages/{ledgerId}/replay")
    ResponseEntity<RetryView> replay(@PathVariable long ledgerId, @RequestParam(required = false) String reason,
            Principal principal) {
        if (OperatorRequestException.missing(reason)) {
            throw new OperatorRequestException(OperatorRequestException.Code.REASON_REQUIRED,
                    "A replay needs a reason: say why, for the audit");
        }
        return answer(ledgerId, retries.replay(ledgerId, ActingOperator.name(principal), reason));
    }

    private static ResponseEntity<RetryView> answer(long ledgerId, DeliveryRetry.Result result) {
        HttpStatus status = switch (result.outcome()) {
            case RETRIED -> HttpStatus.ACCEPTED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_RETRYABLE -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(new RetryView(ledgerId, result.outcome(), result.actionId()));
    }
}
