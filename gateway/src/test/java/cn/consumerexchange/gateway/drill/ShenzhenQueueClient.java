package cn.consumerexchange.gateway.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import cn.consumerexchange.gateway.transport.JmsText;

/**
 * Shenzhen's complaint system on the gateway's broker, over TCP: sends complaints to {@code partner.SZ.inbound} and
 * reads the gateway's answers from {@code partner.SZ.replies}. Like a real partner it keeps what it has sent until it
 * is answered: a send that fails (the gateway is down) is tried again once the broker is back, and a complaint still
 * unanswered {@link #ANSWER_TIMEOUT} after it was sent is sent again, byte for byte under the same message id.
 */
final class ShenzhenQueueClient implements AutoCloseable {

    static final String INBOUND = "partner.SZ.inbound";
    static final String REPLIES = "partner.SZ.replies";
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern RECEIPT = Pattern.compile("<receipt\\b[^>]*>");

    /** A complaint sent and not yet answered. */
    private record Unanswered(byte[] body, long sentAt) {
    }

    private final ConnectionFactory broker;
    private final Acknowledgements answers = new Acknowledgements();
    private final Map<String, Unanswered> unanswered = new ConcurrentHashMap<>();
    private final AtomicInteger resends = new AtomicInteger();
    private final QueueConsumer replies;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    ShenzhenQueueClient(ConnectionFactory broker) {
        this.broker = broker;
        this.replies = new QueueConsumer(broker, REPLIES, this::answer);
    }

    Acknowledgements answers() {
        return answers;
    }

    int resends() {
        return resends.get();
    }

    List<String> unanswered() {
        return List.copyOf(unanswered.keySet());
    }

    /**
     * Sends {@code count} complaints at {@code perSecond} and waits until every one is answered or {@code timeout} has
     * passed. {@code offered} counts complaints whose first send has begun.
     */
    void send(DrillComplaints complaints, int count, double perSecond, Duration timeout, AtomicInteger offered)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor();
        resender.scheduleWithFixedDelay(() -> resendUnanswered(deadline), 1, 1, TimeUnit.SECONDS);
        try {
            Pacing pacing = new Pacing(perSecond);
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                pacing.awaitTurn(i);
                offered.incrementAndGet();
                String messageId = complaints.shenzhenMessageId(i);
                byte[] body = complaints.fromShenzhen(i);
                unanswered.put(messageId, new Unanswered(body, System.nanoTime()));
                sendDurably(messageId, body, deadline);
            }
            while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        } finally {
            resender.shutdownNow();
            resender.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        replies.close();
        synchronized (this) {
            disconnect();
        }
    }

    private void resendUnanswered(long deadline) {
        long due = System.nanoTime() - ANSWER_TIMEOUT.toNanos();
        unanswered.forEach((messageId, sent) -> {
            if (sent.sentAt() < due && System.nanoTime() < deadline) {
                resends.incrementAndGet();
                sendDurably(messageId, sent.body(), deadline);
            }
        });
    }

    /** Sends until the broker has taken the message (a persistent send returns once it is in the journal). */
    private synchronized void sendDurably(String messageId, byte[] body, long deadline) {
        while (System.nanoTime() < deadline) {
            try {
                if (session == null) {
                    connect();
                }
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(body);
                producer.send(message);
                unanswered.computeIfPresent(messageId, (id, sent) -> new Unanswered(body, System.nanoTime()));
                return;
            } catch (JMSException e) {
                disconnect();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void connect() throws JMSException {
        connection = broker.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(INBOUND));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    private void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                // already broken
            }
        }
        connection = null;
        session = null;
        producer = null;
    }

    /** An answer on the replies queue: a gba-xml receipt, ACCEPTED with the gateway's reference or REJECTED. */
    private void answer(Message message) {
        String body = JmsText.of(message);
        Matcher receipt = RECEIPT.matcher(body);
        if (!receipt.find()) {
            return;
        }
        String messageId = attribute(receipt.group(), "for");
        if (messageId == null) {
            return;
        }
        if ("ACCEPTED".equals(attribute(receipt.group(), "result"))) {
            answers.accepted(messageId, attribute(receipt.group(), "gateway-ref"));
        } else {
            answers.rejected(messageId, body);
        }
        unanswered.remove(messageId);
    }

    private static String attribute(String element, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(element);
        return value.find() ? value.group(1) : null;
    }
}
