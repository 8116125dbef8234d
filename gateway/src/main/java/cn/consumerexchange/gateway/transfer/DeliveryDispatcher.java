package cn.consumerexchange.gateway.transfer;

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ledger.DeliveryLedger.DueDelivery;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Sends a new nudge for a message the ledger says is due, read again from the payload the ledger kept: for the
 * sweeper and for an operator's retry, when the intake's own nudge is gone.
 */
@Component
class DeliveryDispatcher {

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final ProducerTemplate camel;

    DeliveryDispatcher(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters, ContractCodec codec,
            ProducerTemplate camel) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
        this.camel = camel;
    }

    void dispatch(DueDelivery due) {
        byte[] payload = ledger.payloadOf(due.ledgerId()).orElseThrow();
        ExchangeMessage message = adapters.forFormat(partners.require(due.key().partnerCode()).format())
                .toContract(payload);
        camel.sendBodyAndHeaders(Endpoints.HAND_OFF, codec.write(message), Map.of(
                Endpoints.SENDER_HEADER, due.key().partnerCode(),
                Endpoints.MESSAGE_ID_HEADER, due.key().messageId(),
                Endpoints.RECEIVER_HEADER, due.receiver(),
                Endpoints.GATEWAY_REF_HEADER, due.gatewayRef()));
    }
}
