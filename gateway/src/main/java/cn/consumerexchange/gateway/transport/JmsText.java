package cn.consumerexchange.gateway.transport;

import java.nio.charset.StandardCharsets;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** The body of a queue partner's message as text, whether it was sent as text or as bytes. */
public final class JmsText {

    private JmsText() {
    }

    public static String of(Message message) {
        try {
            if (message instanceof TextMessage text) {
                return text.getText();
            }
            BytesMessage bytes = (BytesMessage) message;
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return new String(content, StandardCharsets.UTF_8);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable JMS message body", e);
        }
    }
}
