package cn.consumerexchange.gateway.transfer;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/transfers/{gatewayRef}/reassign?partner=CODE}: an operator gives a case waiting for one (see
 * {@code GET /api/transfers/needing-operator}) to a partner. {@code X-Operator} names who; the audit trail keeps it.
 * 202 when reassigned, 404 for no such case, 409 when the case is not waiting for an operator, 400 for an unknown
 * partner, the case's own origin or a partner that returned it.
 */
@RestController
class CaseReassignmentController {

    private final CaseReassignment reassignment;

    CaseReassignmentController(CaseReassignment reassignment) {
        this.reassignment = reassignment;
    }

    record ReassignmentView(String gatewayRef, String partner, CaseReassignment.Outcome outcome) {
    }

    @PostMapping("/api/transfers/{gatewayRef}/reassign")
    ResponseEntity<ReassignmentView> reassign(@PathVariable String gatewayRef, @RequestParam String partner,
            @RequestHeader(name = "X-Operator", defaultValue = "unknown") String operator) {
        CaseReassignment.Outcome outcome = reassignment.reassign(gatewayRef, partner, operator);
        HttpStatus status = switch (outcome) {
            case REASSIGNED -> HttpStatus.ACCEPTED;
            case NO_SUCH_CASE -> HttpStatus.NOT_FOUND;
            case NOT_WAITING_FOR_AN_OPERATOR -> HttpStatus.CONFLICT;
            case NOT_A_RECEIVER -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ReassignmentView(gatewayRef, partner, outcome));
    }
}
