package cn.consumerexchange.gateway.transfer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.jms.core.JmsTemplate;
import org.w3c.dom.Element;

import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.transport.JmsText;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** Plays a queue partner in tests: sends to its inbound queue and reads what the gateway sends it. */
class PartnerQueues {

    private final JmsTemplate jms;
    private final String code;

    PartnerQueues(JmsTemplate jms, String code) {
        this.jms = jms;
        this.code = code;
        jms.setReceiveTimeout(15_000);
    }

    /** Sends a native message and returns its JMS message id, which the gateway's answer correlates to. */
    String send(String nativeMessage) {
        return send("partner." + code + ".inbound", nativeMessage, null);
    }

    /**
     * Puts a native message on the broker's dead-letter queue as the broker does when it gives up on one of this
     * partner's messages, and returns its JMS message id.
     */
    String sendAsDeadLettered(String nativeMessage) {
        return send(Endpoints.DEAD_LETTER_QUEUE, nativeMessage, "partner." + code + ".inbound");
    }

    private String send(String queue, String nativeMessage, String originalQueue) {
        AtomicReference<Message> sent = new AtomicReference<>();
        jms.send(queue, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(nativeMessage.getBytes(StandardCharsets.UTF_8));
            if (originalQueue != null) {
                message.setStringProperty(DeadLetters.ORIGINAL_QUEUE, originalQueue);
            }
            sent.set(message);
            return message;
        });
        try {
            return sent.get().getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gateway's answer to the message sent with this JMS id, parsed; fails after the receive timeout. */
    Element answerTo(String jmsMessageId) {
        Message answer = jms.receiveSelected("partner." + code + ".replies",
                "JMSCorrelationID = '" + jmsMessageId + "'");
        if (answer == null) {
            throw new AssertionError("No answer to " + jmsMessageId + " on partner." + code + ".replies");
        }
        return parse(body(answer));
    }

    /** The next delivery to the partner, or {@code null} after the timeout. */
    String nextDelivery(long timeoutMillis) {
        jms.setReceiveTimeout(timeoutMillis);
        try {
            Message delivery = jms.receive("partner." + code + ".outbound");
            return delivery == null ? null : body(delivery);
        } finally {
            jms.setReceiveTimeout(15_000);
        }
    }

    static String body(Message message) {
        return JmsText.of(message);
    }

    static Element parse(String xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("Not XML: " + xml, e);
        }
    }

    /** The {@code <receipt>} of a gba-xml answer. */
    static Element receipt(Element answer) {
        return (Element) answer.getElementsByTagName("receipt").item(0);
    }
}
