package cn.consumerexchange.gateway.transfer;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.audit.ActingOperator;

/**
 * {@code POST /api/messages/{ledgerId}/retry[?reason=...]}: an operator sends a failed delivery again; the audit
 * trail keeps who (the logged-in operator) and why. 202 when retried, 404 for no such inbound message, 409 when it
 * was delivered or rejected and there is nothing to retry.
 */
@RestController
class DeliveryRetryController {

    private final DeliveryRetry retries;

    DeliveryRetryController(DeliveryRetry retries) {
        this.retries = retries;
    }

    record RetryView(long ledgerId, DeliveryRetry.Outcome outcome) {
    }

    @PostMapping("/api/messages/{ledgerId}/retry")
    ResponseEntity<RetryView> retry(@PathVariable long ledgerId, @RequestParam(required = false) String reason,
            Principal principal) {
        DeliveryRetry.Outcome outcome = retries.retry(ledgerId, ActingOperator.name(principal), reason);
        HttpStatus status = switch (outcome) {
            case RETRIED -> HttpStatus.ACCEPTED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_RETRYABLE -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(new RetryView(ledgerId, outcome));
    }
}
