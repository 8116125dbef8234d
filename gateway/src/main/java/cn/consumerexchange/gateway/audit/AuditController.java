package cn.consumerexchange.gateway.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit}: the audit trail of operator actions (操作审计), newest first, for auditors. Every filter is
 * optional: {@code operator}, {@code action}, {@code outcome} (DONE or DENIED), {@code subject}, {@code from},
 * {@code to} (see {@link AuditSearch}), {@code page} (from 0) and {@code size} (at most 200).
 */
@RestController
class AuditController {

    private final OperatorAudit audit;
    private final AuditSearch search;

    AuditController(OperatorAudit audit, AuditSearch search) {
        this.audit = audit;
        this.search = search;
    }

    @GetMapping("/api/audit")
    OperatorAudit.Page actions(@RequestParam(required = false) String operator,
            @RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return audit.search(search.query(operator, action, outcome, subject, from, to, page, size));
    }

    @ExceptionHandler(AuditSearch.UnreadableFilterException.class)
    ProblemDetail unreadable(AuditSearch.UnreadableFilterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("code", "UNREADABLE_FILTER");
        return problem;
    }
}
