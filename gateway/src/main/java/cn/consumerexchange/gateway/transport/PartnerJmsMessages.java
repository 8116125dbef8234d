package cn.consumerexchange.gateway.transport;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.transfer.MessageIntake;
import cn.consumerexchange.gateway.transfer.Sha256;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * Reads a queue partner's message as the bytes the intake takes. Only text and bytes messages carry a native message;
 * any other kind is refused without touching its body, so an object message is never deserialised. Text is encoded
 * as UTF-8 strictly: a text holding an unpaired surrogate is refused rather than repaired.
 */
@Component
public class PartnerJmsMessages {

    private final MessageIntake intake;

    PartnerJmsMessages(MessageIntake intake) {
        this.intake = intake;
    }

    /** A queue message that holds no native message the intake can read. */
    static final class UnreadableJmsMessage extends RuntimeException {

        private final transient Violation violation;
        private final byte[] kept;

        UnreadableJmsMessage(Violation violation, byte[] kept) {
            super(violation.reason(), null, false, false);
            this.violation = violation;
            this.kept = kept;
        }
    }

    /**
     * @throws UnreadableJmsMessage when the message is not a text or bytes message, or its text is not Unicode
     */
    public byte[] bytes(Exchange exchange) throws JMSException {
        Message message = exchange.getIn(JmsMessage.class).getJmsMessage();
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return content;
        }
        if (message instanceof TextMessage text) {
            return utf8(text.getText() == null ? "" : text.getText());
        }
        throw new UnreadableJmsMessage(new Violation(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, "/",
                "A " + kind(message) + " carries no native message; send a text or bytes message"), new byte[0]);
    }

    /** Answers a message {@link #bytes} could not read, and keeps what there was of it. */
    public byte[] refusal(@Header(Endpoints.PARTNER_HEADER) String partnerCode,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) UnreadableJmsMessage unreadable) {
        return intake.refuse(partnerCode, unreadable.kept, unreadable.kept.length, Sha256.hex(unreadable.kept),
                unreadable.violation).nativeAnswer();
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new UnreadableJmsMessage(new Violation(ErrorCode.ILLEGAL_CHARACTER, "/",
                    "The text holds an unpaired UTF-16 surrogate, which no Unicode text can carry"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String kind(Message message) {
        String type = message.getClass().getSimpleName();
        for (String kind : new String[] {"ObjectMessage", "MapMessage", "StreamMessage"}) {
            if (type.contains(kind)) {
                return kind;
            }
        }
        return "message without a body";
    }
}
