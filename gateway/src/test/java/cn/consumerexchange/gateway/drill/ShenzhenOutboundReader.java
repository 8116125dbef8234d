package cn.consumerexchange.gateway.drill;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import cn.consumerexchange.gateway.transport.JmsText;

/**
 * Shenzhen's system reading what the gateway delivers to it on {@code partner.SZ.outbound}, over TCP: notes each
 * delivery by the gba-xml message id, with its JMS message id and the Artemis duplicate id {@code _AMQ_DUPL_ID} if it
 * carries one. Rides out the gateway's restarts.
 */
final class ShenzhenOutboundReader implements AutoCloseable {

    static final String OUTBOUND = "partner.SZ.outbound";
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private static final Pattern MESSAGE_ID = Pattern.compile("<msg-id>([^<]+)</msg-id>");

    private final DeliveryLog log = new DeliveryLog();
    private final QueueConsumer consumer;

    ShenzhenOutboundReader(ConnectionFactory broker) {
        this.consumer = new QueueConsumer(broker, OUTBOUND, this::take);
    }

    DeliveryLog log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.close();
    }

    private void take(Message message) {
        Matcher id = MESSAGE_ID.matcher(JmsText.of(message));
        if (!id.find()) {
            log.unreadable();
            return;
        }
        try {
            log.delivered(id.group(1), duplicateId(message), message.getJMSMessageID());
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable JMS headers", e);
        }
    }

    private static String duplicateId(Message message) throws JMSException {
        Object value = message.getObjectProperty(DUPLICATE_ID);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }
}
