package cn.consumerexchange.gateway.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages/{ledgerId}/retry}: an operator sends a failed delivery again. {@code X-Operator} names
 * who; the audit trail keeps it. 202 when retried, 404 for no such inbound message, 409 when it was delivered or
 * rejected and there is nothing to retry.
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
    ResponseEntity<RetryView> retry(@PathVariable long ledgerId,
            @RequestHeader(name = "X-Operator", defaultValue = "unknown") String operator) {
        DeliveryRetry.Outcome outcome = retries.retry(ledgerId, operator);
        HttpStatus status = switch (outcome) {
            case RETRIED -> HttpStatus.ACCEPTED;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case NOT_RETRYABLE -> HttpStatus.CONFLICT;
        };
        return ResponseEntity.status(status).body(new RetryView(ledgerId, outcome));
    }
}
