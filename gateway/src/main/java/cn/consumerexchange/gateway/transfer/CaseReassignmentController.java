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
 * {@code POST /api/transfers/{gatewayRef}/reassign?partner=CODE[&reason=...]}: an operator gives a case waiting for
 * one (see {@code GET /api/transfers/needing-operator}) to a partner. The audit trail keeps who (the logged-in
 * operator) and why.
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
            @RequestParam(required = false) String reason, Principal principal) {
        CaseReassignment.Outcome outcome = reassignment.reassign(gatewayRef, partner, ActingOperator.name(principal),
                reason);
        HttpStatus status = switch (outcome) {
            case REASSIGNED -> HttpStatus.ACCEPTED;
            case NO_SUCH_CASE -> HttpStatus.NOT_FOUND;
            case NOT_WAITING_FOR_AN_OPERATOR -> HttpStatus.CONFLICT;
            case NOT_A_RECEIVER -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(new ReassignmentView(gatewayRef, partner, outcome));
    }
}
