package cn.consumerexchange.gateway.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * A sender on an Artemis broker over TCP (the core client), persistent messages to one queue, as a queue partner sends:
 * the same for the gateway's broker and the raw one, so that the two are loaded alike.
 */
final class QueueLoad {

    /** Makes message {@code number} of a run in {@code session}. */
    @FunctionalInterface
    interface MessageMaker {
        Message make(Session session, int number) throws JMSException;
    }

    /**
     * What was sent: when the run began, and when each message was (to be) sent, by number, in
     * {@link System#nanoTime()}.
     */
    record Sent(long start, long[] sentAt) {

        int count() {
            return sentAt.length;
        }
    }

    static final int BATCH = 100;

    private final ConnectionFactory broker;
    private final String queue;

    QueueLoad(ConnectionFactory broker, String queue) {
        this.broker = broker;
        this.queue = queue;
    }

    /**
     * A closed loop: {@code count} messages in transactions of {@link #BATCH}, as fast as the broker takes them, but
     * never more than {@code window} sent and not yet {@code completed} (counted by the caller), so that the queue holds
     * a working set and not the whole run.
     */
    Sent closedLoop(int count, int window, MessageMaker maker, IntSupplier completed) throws JMSException {
        if (window < BATCH) {
            throw new IllegalArgumentException("a window of " + window + " is smaller than a transaction of " + BATCH);
        }
        long[] sentAt = new long[count];
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = producer(session);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Message message = maker.make(session, i);
                sentAt[i] = System.nanoTime();
                producer.send(message);
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    session.commit();
                    while (i + 1 - completed.getAsInt() >= window) {
                        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
                    }
                }
            }
            return new Sent(start, sentAt);
        }
    }

    /**
     * An open loop: {@code count} messages at {@code perSecond}, each on its own (a persistent send returns once the
     * message is in the journal). A message's time is when it was due, not when the sender got to it, so that a
     * stalled broker shows in the latency rather than slowing the offer.
     */
    Sent paced(int count, int perSecond, MessageMaker maker) throws JMSException {
        long[] sentAt = new long[count];
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        try (Connection connection = broker.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producer(session);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sentAt[i] = start + i * interval;
                long wait = sentAt[i] - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                producer.send(maker.make(session, i));
            }
            return new Sent(start, sentAt);
        }
    }

    private MessageProducer producer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(session.createQueue(queue));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }
}
