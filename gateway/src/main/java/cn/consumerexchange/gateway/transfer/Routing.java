package cn.consumerexchange.gateway.transfer;

import java.util.List;

import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.partner.Partner;

/** Where an inbound message goes, or why it goes nowhere. */
sealed interface Routing {

    /**
     * @param receiver   the partner the message is delivered to
     * @param gatewayRef the case's gateway reference
     * @param newCase    the case a complaint opens; {@code null} for messages about an existing case
     * @param copy       the message written for the receiver, once the intake has; {@code null} before, and for a
     *                   message delivery still has to complete (an evidence manifest)
     */
    record Routed(Partner receiver, String gatewayRef, TransferCase newCase, ReceiverCopy copy) implements Routing {

        Routed(Partner receiver, String gatewayRef, TransferCase newCase) {
            this(receiver, gatewayRef, newCase, null);
        }

        Routed written(ReceiverCopy written) {
            return new Routed(receiver, gatewayRef, newCase, written);
        }
    }

    record Refused(List<Violation> violations) implements Routing {
    }
}
