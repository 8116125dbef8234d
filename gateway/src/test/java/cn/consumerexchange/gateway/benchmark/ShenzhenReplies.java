package cn.consumerexchange.gateway.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;

import cn.consumerexchange.gateway.transport.JmsText;

/**
 * Shenzhen reading the gateway's answers on {@code partner.SZ.replies}: gba-xml receipts, each naming the message it
 * answers ({@code for}) and its result. Keeps the first answer of each message id.
 */
final class ShenzhenReplies implements AutoCloseable {

    static final String QUEUE = "partner.SZ.replies";

    private static final Pattern RECEIPT = Pattern.compile("<receipt\\b[^>]*>");
    private static final Pattern FOR = Pattern.compile("\\bfor=\"([^\"]*)\"");
    private static final Pattern RESULT = Pattern.compile("\\bresult=\"([^\"]*)\"");

    private final Map<String, String> results = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final Connection connection;

    ShenzhenReplies(ConnectionFactory broker) throws JMSException {
        connection = broker.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(QUEUE)).setMessageListener(this::answer);
        connection.start();
    }

    /** The result the message was first answered with ({@code ACCEPTED}, {@code REJECTED}), or null. */
    String result(String messageId) {
        return results.get(messageId);
    }

    /** Message ids answered ACCEPTED, in all runs. */
    int accepted() {
        return accepted.get();
    }

    /** Message ids answered otherwise, in all runs. */
    int rejected() {
        return rejected.get();
    }

    int unreadable() {
        return unreadable.get();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    private void answer(Message message) {
        Matcher receipt = RECEIPT.matcher(JmsText.of(message));
        Matcher messageId = receipt.find() ? FOR.matcher(receipt.group()) : null;
        Matcher result = messageId != null && messageId.find() ? RESULT.matcher(receipt.group()) : null;
        if (result == null || !result.find()) {
            unreadable.incrementAndGet();
            return;
        }
        if (results.putIfAbsent(messageId.group(1), result.group(1)) == null) {
            ("ACCEPTED".equals(result.group(1)) ? accepted : rejected).incrementAndGet();
        }
    }
}
