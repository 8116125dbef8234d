package cn.consumerexchange.gateway.transfer;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Headers;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.Transport;

/** The steps of delivering one accepted message to its receiving partner. */
@Component
public class Delivery {

    static final String LEDGER_ID = "exchangeLedgerId";
    static final String RECEIVER = "exchangeReceiver";
    static final String GATEWAY_REF = "exchangeGatewayRef";
    static final String REDELIVERED = "exchangeRedelivered";
    static final String NATIVE_COPY = "exchangeNativeCopy";
    static final String URI_HEADER = "exchangeDeliveryUri";
    /** Lets an HTTP partner recognise a delivery it has already taken, should it arrive twice after a crash. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;

    public Delivery(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters, ContractCodec codec) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
    }

    /** Whether this attempt delivers the message; a copy already delivered or being delivered is dropped. */
    public boolean claim(@ExchangeProperty(LEDGER_ID) long ledgerId,
            @ExchangeProperty(REDELIVERED) Boolean redelivered) {
        return ledger.claimForDelivery(ledgerId, Boolean.TRUE.equals(redelivered));
    }

    /** The message as the receiver gets it: addressed to its authority and carrying the gateway's reference. */
    public byte[] toNative(@ExchangeProperty(RECEIVER) String receiverCode,
            @ExchangeProperty(GATEWAY_REF) String gatewayRef, byte[] contractXml, @Headers Map<String, Object> headers) {
        Partner receiver = partners.require(receiverCode);
        PartnerAdapter adapter = adapters.forFormat(receiver.format());
        ExchangeMessage message = codec.readWritten(contractXml);
        Envelope envelope = message.getEnvelope();
        envelope.setReceiver(receiver.authority());
        if (!envelope.getCaseRef().contains(gatewayRef)) {
            envelope.getCaseRef().add(gatewayRef);
        }
        headers.put(URI_HEADER, receiver.deliveryUri());
        headers.put(Exchange.CONTENT_TYPE, adapter.mediaType());
        if (receiver.transport() == Transport.FILE) {
            headers.put(Endpoints.FILE_NAME_HEADER, fileName(message, adapter));
        }
        if (receiver.transport() == Transport.HTTP) {
            headers.put(Exchange.HTTP_METHOD, "POST");
            headers.put(IDEMPOTENCY_KEY, message.getEnvelope().getSender() + ":"
                    + message.getEnvelope().getMessageId());
        }
        return adapter.toNative(message);
    }

    /** One file per delivered message, named so that neither two senders nor a retry can clash with another. */
    private static String fileName(ExchangeMessage message, PartnerAdapter adapter) {
        String name = message.getEnvelope().getSender() + "_" + message.getEnvelope().getMessageId();
        String extension = adapter.mediaType().contains("csv") ? ".csv"
                : adapter.mediaType().contains("json") ? ".json" : ".xml";
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + extension;
    }

    /** Records what went out; {@code sent} is the native copy, since the body now holds the partner's response. */
    public void delivered(@ExchangeProperty(LEDGER_ID) long ledgerId, @ExchangeProperty(RECEIVER) String receiver,
            @ExchangeProperty(NATIVE_COPY) byte[] sent) {
        ledger.recordDelivered(ledgerId, receiver, Sha256.hex(sent), sent);
    }

    public void failed(@ExchangeProperty(LEDGER_ID) long ledgerId,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        ledger.markDeliveryFailed(ledgerId, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
}
