package cn.consumerexchange.gateway.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.consumerexchange.gateway.ledger.TransferCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Searches for operators: messages, cases, and quarantined input. Unknown states or types are refused with 400
 * ({@code INVALID_CRITERIA}); a page holds at most 200 items.
 */
@RestController
@Tag(name = "Search", description = "Find messages, cases and quarantined input (查询)")
class SearchController {

    private final MessageSearch messages;
    private final CaseSearch cases;
    private final QuarantineSearch quarantine;

    SearchController(MessageSearch messages, CaseSearch cases, QuarantineSearch quarantine) {
        this.messages = messages;
        this.cases = cases;
        this.quarantine = quarantine;
    }

    @GetMapping("/api/messages")
    @Operation(summary = "Search ledger messages, newest first",
            description = "Every criterion is optional; the given ones all apply. Rejections without a case are found "
                    + "by partner, error code, message id, origin case number or time.")
    ResultPage<FoundMessage> messages(
            @Parameter(description = "Gateway reference of the case (GW-...)") @RequestParam(required = false)
            String caseRef,
            @Parameter(description = "Case number at the origin partner") @RequestParam(required = false)
            String originCaseNumber,
            @Parameter(description = "Partner code, sender or receiver (e.g. SZ)") @RequestParam(required = false)
            String partner,
            @Parameter(description = "IN or OUT") @RequestParam(required = false) String direction,
            @Parameter(description = "ACCEPTED, REJECTED, DELIVERING, AWAITING_RETRY, DELIVERED, DELIVERY_FAILED")
            @RequestParam(required = false) String state,
            @Parameter(description = "Contract message type, e.g. COMPLAINT") @RequestParam(required = false)
            String messageType,
            @Parameter(description = "The sender's message id") @RequestParam(required = false) String messageId,
            @Parameter(description = "Error code, e.g. INVALID_CREDIT_CODE") @RequestParam(required = false)
            String errorCode,
            @Parameter(description = "From (inclusive), ISO-8601; without offset China Standard Time")
            @RequestParam(required = false) String from,
            @Parameter(description = "To (exclusive), ISO-8601") @RequestParam(required = false) String to,
            @Parameter(description = "Page, from 0") @RequestParam(required = false) Integer page,
            @Parameter(description = "Page size, default 50, at most 200") @RequestParam(required = false)
            Integer size) {
        return messages.find(MessageCriteria.of(caseRef, originCaseNumber, partner, direction, state, messageType,
                messageId, errorCode, from, to, page, size));
    }

    @GetMapping("/api/cases")
    @Operation(summary = "Search transferred cases, the most recently received first")
    ResultPage<TransferCase> cases(
            @Parameter(description = "Gateway reference (GW-...)") @RequestParam(required = false) String caseRef,
            @Parameter(description = "Case number at the origin partner") @RequestParam(required = false)
            String originCaseNumber,
            @Parameter(description = "Partner code, origin or receiving") @RequestParam(required = false)
            String partner,
            @Parameter(description = "Case state, e.g. ACCEPTED") @RequestParam(required = false) String state,
            @Parameter(description = "Received from (inclusive)") @RequestParam(required = false) String from,
            @Parameter(description = "Received before") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return cases.find(CaseCriteria.of(caseRef, originCaseNumber, partner, state, from, to, page, size));
    }

    @GetMapping("/api/quarantine")
    @Operation(summary = "Search quarantined input: rejections with no ledger row, newest first")
    ResultPage<FoundQuarantine> quarantine(
            @Parameter(description = "Sending partner code") @RequestParam(required = false) String partner,
            @Parameter(description = "The reference the sender's answer gave (GW-Q-...)")
            @RequestParam(required = false) String reference,
            @Parameter(description = "Error code, e.g. MALFORMED_XML") @RequestParam(required = false)
            String errorCode,
            @Parameter(description = "Received from (inclusive)") @RequestParam(required = false) String from,
            @Parameter(description = "Received before") @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return quarantine.find(QuarantineCriteria.of(partner, reference, errorCode, from, to, page, size));
    }
}
