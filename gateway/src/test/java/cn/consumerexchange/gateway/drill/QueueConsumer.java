package cn.consumerexchange.gateway.drill;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;

/**
 * A partner's consumer of one of its queues on the gateway's broker, over TCP, that outlives the gateway: when the
 * connection breaks (the gateway was killed) it connects again every half second until the broker is back. Messages
 * are acknowledged when the listener returns.
 */
final class QueueConsumer implements AutoCloseable {

    private final ConnectionFactory broker;
    private final String queue;
    private final MessageListener listener;
    private final Thread loop;
    private volatile boolean running = true;
    private volatile int connections;

    QueueConsumer(ConnectionFactory broker, String queue, MessageListener listener) {
        this.broker = broker;
        this.queue = queue;
        this.listener = listener;
        this.loop = new Thread(this::consume, "drill-consumer-" + queue);
        loop.setDaemon(true);
        loop.start();
    }

    /** How many times it connected; more than one means it rode out a broken connection. */
    int connections() {
        return connections;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.join(TimeUnit.SECONDS.toMillis(10));
    }

    private void consume() {
        while (running) {
            CountDownLatch broken = new CountDownLatch(1);
            try (Connection connection = broker.createConnection()) {
                connection.setExceptionListener(e -> broken.countDown());
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(session.createQueue(queue)).setMessageListener(listener);
                connection.start();
                connections++;
                while (running && !broken.await(200, TimeUnit.MILLISECONDS)) {
                    // consuming on the session's own thread
                }
            } catch (JMSException e) {
                // the broker is not there (yet): try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
