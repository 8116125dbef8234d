package cn.consumerexchange.gateway.failures;

import java.io.IOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.gateway.audit.ActingOperator;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.web.OperatorProblems;
import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * Operators find failed deliveries and retry them by filter (失败投递):
 * <ul>
 * <li>{@code GET /api/failures?receiver=&state=&messageType=&errorCode=&caseRef=&from=&to=&page=&size=}: failed and
 * waiting deliveries (both states unless {@code state} names one), newest change first, each with its last
 * attempt.</li>
 * <li>{@code GET /api/dead-letters?page=&size=}: what the broker dead-lettered, see
 * {@link FailedDeliveries#deadLetters}.</li>
 * <li>{@code POST /api/messages/retry/preview} with a {@link RetryRequest}: how many match, and the first
 * {@value BulkRetry#SAMPLE}.</li>
 * <li>{@code POST /api/messages/retry} with a {@link RetryRequest} and a reason (400 {@code REASON_REQUIRED} without):
 * one audited action {@code BULK_RETRY}; answers its id, how many matched, which were retried and which skipped.</li>
 * </ul>
 */
@RestController
class FailuresController {

    private static final int MAX_PAGE_SIZE = 200;

    private final FailedDeliveries failures;
    private final BulkRetry bulk;
    private final ObjectMapper json;

    FailuresController(FailedDeliveries failures, BulkRetry bulk, ObjectMapper json) {
        this.failures = failures;
        this.bulk = bulk;
        this.json = json;
    }

    /**
     * A bulk retry's filter, see {@link FailureFilter}.
     *
     * @param states default {@code [DELIVERY_FAILED]}; {@code AWAITING_RETRY} allowed
     * @param limit  default and most {@value BulkRetry#MAX_LIMIT}
     * @param reason why, for the audit; required to retry, not to preview
     */
    record RetryRequest(String receiver, List<MessageState> states, String messageType, String errorCode,
            OffsetDateTime from, OffsetDateTime to, String caseRef, Integer limit, String reason) {

        FailureFilter filter() {
            return new FailureFilter(receiver, states, messageType, errorCode, from, to, caseRef);
        }
    }

    @GetMapping("/api/failures")
    FailedDeliveries.Page<FailedDeliveries.Failure> failures(@RequestParam(required = false) String receiver,
            @RequestParam(required = false) MessageState state, @RequestParam(required = false) String messageType,
            @RequestParam(required = false) String errorCode, @RequestParam(required = false) String caseRef,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<MessageState> states = state == null ? List.copyOf(FailureFilter.FAILURE_STATES) : List.of(state);
        return failures.page(new FailureFilter(receiver, states, messageType, errorCode, from, to, caseRef),
                Math.max(page, 0), pageSize(size));
    }

    @GetMapping("/api/dead-letters")
    FailedDeliveries.Page<FailedDeliveries.DeadLetter> deadLetters(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return failures.deadLetters(Math.max(page, 0), pageSize(size));
    }

    @PostMapping("/api/messages/retry/preview")
    BulkRetry.Preview preview(@RequestBody byte[] body) throws IOException {
        RetryRequest request = read(body);
        return bulk.preview(request.filter(), request.limit());
    }

    @PostMapping("/api/messages/retry")
    BulkRetry.Outcome retry(@RequestBody byte[] body, Principal principal) throws IOException {
        RetryRequest request = read(body);
        if (OperatorRequestException.missing(request.reason())) {
            throw new OperatorRequestException(OperatorRequestException.Code.REASON_REQUIRED,
                    "A bulk retry needs a reason: say why, for the audit");
        }
        return bulk.retry(request.filter(), request.limit(), ActingOperator.name(principal), request.reason());
    }

    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<ProblemDetail> unreadableFilter(JsonProcessingException e) {
        return OperatorProblems.problem(OperatorRequestException.Code.INVALID_FILTER,
                "Not a filter: " + e.getOriginalMessage());
    }

    /**
     * The body is taken whole and parsed here: Jackson stops at the end of the JSON, before a chunked body's last
     * chunk, and the server closes a connection whose request body was left unread (see {@code web.UnreadBodyValve});
     * an answer Spring has already sent can no longer say so.
     */
    private RetryRequest read(byte[] body) throws IOException {
        return json.readValue(body, RetryRequest.class);
    }

    private static int pageSize(int size) {
        return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
    }
}
