package cn.consumerexchange.gateway.transfer;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.StatusUpdate;
import cn.consumerexchange.gateway.lifecycle.CaseLifecycle;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.lifecycle.IllegalTransitionException;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;

/**
 * Applies a partner's status update (反馈) to its case, in the intake's transaction with the update's ledger row.
 *
 * <p>A case returned (退回, Order No. 121 art. 41) by its receiving authority comes back to the hub, never sideways: the
 * hub gives it to the most specific other partner serving the respondent's division (one that has not returned it
 * already) and delivers the complaint again, to that partner; the case is TRANSFERRED again and the new receiver
 * reports from there. When no other partner serves the division the case stays RETURNED and waits for an operator.
 * Either way the RETURNED update itself reaches the origin, like every state change.
 */
@Component
class CaseStateChange {

    private static final Logger log = LoggerFactory.getLogger(CaseStateChange.class);

    private final CaseLifecycle lifecycle;
    private final CaseTransitions transitions;
    private final TransferLedger ledger;
    private final DeliveryLedger deliveries;
    private final JurisdictionResolver jurisdiction;

    CaseStateChange(CaseLifecycle lifecycle, CaseTransitions transitions, TransferLedger ledger,
            DeliveryLedger deliveries, JurisdictionResolver jurisdiction) {
        this.lifecycle = lifecycle;
        this.transitions = transitions;
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.jurisdiction = jurisdiction;
    }

    /**
     * @throws IllegalTransitionException when the case may not take the state reported; the caller's transaction
     *                                    must then roll back
     */
    void apply(String gatewayRef, Partner sender, String messageId, StatusUpdate update) {
        CaseState current = transitions.lockState(gatewayRef);
        CaseState reported = update.getState();
        if (!lifecycle.changes(gatewayRef, current, reported)) {
            return;
        }
        TransferCase transfer = ledger.findCase(gatewayRef).orElseThrow();
        OffsetDateTime now = transitions.now();
        CaseTransition change = new CaseTransition(gatewayRef, current.name(), reported.name(), sender.code(),
                messageId, transfer.receivingPartner(), update.getReason(), now);
        if (reported != CaseState.RETURNED) {
            transitions.move(change, false);
            return;
        }
        if (!sender.code().equals(transfer.receivingPartner())) {
            throw IllegalTransitionException.notTheReceiver(gatewayRef, current, sender.code());
        }
        Set<String> passedOver = new HashSet<>(transitions.returnedBy(gatewayRef));
        passedOver.add(sender.code());
        passedOver.add(transfer.originPartner());
        Optional<Partner> next = jurisdiction.partnerFor(transfer.receivingDivision(), passedOver);
        transitions.move(change, next.isEmpty());
        if (next.isEmpty()) {
            log.warn("Case {} returned by {} and no other partner serves {}: waiting for an operator", gatewayRef,
                    sender.code(), transfer.receivingDivision());
            return;
        }
        Partner receiver = next.get();
        transitions.move(new CaseTransition(gatewayRef, CaseState.RETURNED.name(), CaseState.TRANSFERRED.name(),
                CaseTransitions.GATEWAY, messageId, receiver.code(), "Re-routed to " + receiver.code() + " after "
                        + sender.code() + " returned it", now), false);
        deliveries.redirect(new MessageKey(transfer.originPartner(), transfer.originMessageId()), receiver.code(),
                now, now.plus(receiver.delivery().horizon()));
    }
}
