package cn.consumerexchange.adapter;

import java.util.Set;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * A Java adapter as a partner city would ship it in a jar of its own, for a system that already speaks the contract's
 * XML. Every built-in format is declarative, so this one, registered in the test class path's
 * {@code META-INF/services}, keeps the {@link java.util.ServiceLoader} way of joining covered.
 */
public class ContractXmlProbeAdapter implements PartnerAdapter {

    static final String FORMAT = "contract-xml-probe";

    private static final ContractCodec CODEC = ContractCodec.standard();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String mediaType() {
        return "application/xml";
    }

    @Override
    public Set<MessageKind> messageTypes() {
        return Set.of(MessageKind.STATUS_UPDATE, MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION);
    }

    @Override
    public ExchangeMessage toContract(byte[] nativeMessage) {
        try {
            return CODEC.read(nativeMessage);
        } catch (ContractViolationException e) {
            throw new UntranslatableMessageException(null, e.violations());
        }
    }

    @Override
    public byte[] toNative(ExchangeMessage message) {
        if (!messageTypes().contains(message.getEnvelope().getMessageType())) {
            throw new IllegalArgumentException(FORMAT + " does not carry " + message.getEnvelope().getMessageType()
                    + " messages");
        }
        return CODEC.write(message);
    }
}
