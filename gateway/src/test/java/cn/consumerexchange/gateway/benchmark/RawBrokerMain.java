package cn.consumerexchange.gateway.benchmark;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The raw broker of the benchmark, run by {@link RawBroker} in a JVM of its own: Artemis with the journal settings the
 * gateway gives its embedded broker ({@code broker/EmbeddedBrokerSettings}: NIO journal, its buffer timeout, a sync on
 * every commit), Artemis's audit log off as the gateway has it, one CORE acceptor on 127.0.0.1, no security. Runs
 * until the process is terminated.
 *
 * <p>Arguments: the data directory, the port, the journal buffer timeout in nanoseconds.
 */
public final class RawBrokerMain {

    private RawBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int bufferTimeoutNanos = Integer.parseInt(args[2]);
        Configuration configuration = new ConfigurationImpl()
                .setName("raw-benchmark-broker")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                // libaio is absent here, so the embedded broker falls back to NIO too.
                .setJournalType(JournalType.NIO)
                .setJournalBufferTimeout_NIO(bufferTimeoutNanos)
                .setJournalSyncTransactional(true)
                .setJournalSyncNonTransactional(true)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .addAcceptorConfiguration("benchmark", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        // As the gateway's application.yml does: Artemis audits every message at INFO, which would dominate the run.
        ((Logger) LoggerFactory.getLogger("org.apache.activemq.audit")).setLevel(Level.WARN);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
        broker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.stop();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "raw-broker-stop"));
        stopped.await();
    }
}
