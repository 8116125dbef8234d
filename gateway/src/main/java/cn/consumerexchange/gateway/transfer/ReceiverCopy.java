package cn.consumerexchange.gateway.transfer;

import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * A message written in its receiver's format (送达件), as delivery sends it: addressed to the receiver's authority and
 * carrying the case's gateway reference. The intake writes it anyway, to refuse what the receiver cannot take; the
 * hand-off carries it, so that delivery sends it without reading and translating the message a second time.
 *
 * @param format the receiver's format it is written in; if the receiver has another by delivery, the message is read
 *               again from the ledger
 * @param type   the message's type
 * @param bytes  the message in that format
 */
public record ReceiverCopy(String format, MessageKind type, byte[] bytes) {

    /**
     * Writes {@code message} in {@code format} as its receiver gets it. The message is addressed for the write only
     * and left as it was: the intake goes on to record it as the sender sent it.
     *
     * @throws IllegalArgumentException when the format cannot write the message
     */
    static ReceiverCopy write(PartnerAdapter format, ExchangeMessage message, String receiverAuthority,
            String gatewayRef) {
        Envelope envelope = message.getEnvelope();
        String sentTo = envelope.getReceiver();
        boolean refAdded = address(message, receiverAuthority, gatewayRef);
        try {
            return new ReceiverCopy(format.format(), envelope.getMessageType(), format.toNative(message));
        } finally {
            envelope.setReceiver(sentTo);
            if (refAdded) {
                envelope.getCaseRef().remove(envelope.getCaseRef().size() - 1);
            }
        }
    }

    /**
     * Addresses a message to its receiver's authority and adds the case's gateway reference unless it carries it.
     *
     * @return whether the reference was added
     */
    static boolean address(ExchangeMessage message, String receiverAuthority, String gatewayRef) {
        Envelope envelope = message.getEnvelope();
        envelope.setReceiver(receiverAuthority);
        if (envelope.getCaseRef().contains(gatewayRef)) {
            return false;
        }
        envelope.getCaseRef().add(gatewayRef);
        return true;
    }
}
