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
     */
    record Routed(Partner receiver, String gatewayRef, TransferCase newCase) implements Routing {
    }

    record Refused(List<Violation> violations) implements Routing {
    }
}
