package cn.consumerexchange.gateway.transfer;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * An operator gives a returned case (退回, art. 41) that no partner was found for to the partner of the authority
 * that has jurisdiction (指定管辖): the case is TRANSFERRED again and its complaint delivered to that partner, in one
 * transaction with the audit record.
 */
@Component
class CaseReassignment {

    enum Outcome {
        REASSIGNED, NO_SUCH_CASE, NOT_WAITING_FOR_AN_OPERATOR, NOT_A_RECEIVER
    }

    private final TransferLedger ledger;
    private final CaseTransitions transitions;
    private final DeliveryLedger deliveries;
    private final PartnerRegistry partners;
    private final OperatorAudit audit;
    private final TransactionTemplate transaction;

    CaseReassignment(TransferLedger ledger, CaseTransitions transitions, DeliveryLedger deliveries,
            PartnerRegistry partners, OperatorAudit audit, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.transitions = transitions;
        this.deliveries = deliveries;
        this.partners = partners;
        this.audit = audit;
        this.transaction = transaction;
    }

    Outcome reassign(String gatewayRef, String partnerCode, String operator, String reason) {
        return transaction.execute(tx -> {
            Optional<TransferCase> found = ledger.findCase(gatewayRef);
            if (found.isEmpty()) {
                return Outcome.NO_SUCH_CASE;
            }
            TransferCase transfer = found.get();
            // Never back to the origin, nor to a partner that returned it: that one has the complaint and refused it.
            Optional<Partner> receiver = partners.find(partnerCode)
                    .filter(partner -> !partner.code().equals(transfer.originPartner()))
                    .filter(partner -> !transitions.returnedBy(gatewayRef).contains(partner.code()));
            if (receiver.isEmpty()) {
                return Outcome.NOT_A_RECEIVER;
            }
            if (transitions.lockState(gatewayRef) != CaseState.RETURNED || !transfer.needsOperator()) {
                return Outcome.NOT_WAITING_FOR_AN_OPERATOR;
            }
            OffsetDateTime now = transitions.now();
            String why = "Assigned to " + partnerCode + " by operator " + operator;
            transitions.move(new CaseTransition(gatewayRef, CaseState.RETURNED.name(),
                    CaseState.TRANSFERRED.name(), operator, null, partnerCode, why, now), false);
            deliveries.redirect(new MessageKey(transfer.originPartner(), transfer.originMessageId()), partnerCode,
                    now, now.plus(receiver.get().delivery().horizon()));
            audit.record(operator, "REASSIGN_CASE", gatewayRef, why, reason);
            return Outcome.REASSIGNED;
        });
    }
}
