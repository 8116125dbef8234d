package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * End-to-end throughput and latency of the complaint transfer on the embedded defaults (embedded Artemis with its
 * persistent journal, H2 on disk), beside raw Artemis durable send+receive of same-size messages in the same run.
 *
 * <p>Shenzhen's system is played by a JMS client sending to its inbound queue in transactions of 100 and reading the
 * acknowledgements; Shanghai's by a JDK HTTP server. A complaint counts as through when Shanghai has received it.
 * Run with {@code mvn -q -pl gateway verify -Pbenchmark}; {@code -Dbenchmark.complaints=N} sets the load and
 * {@code -Dbenchmark.warm-up=N} the complaints sent first to let the JIT compile the hot paths (on two cores the
 * compiler threads otherwise take a quarter of the CPU during the measurement).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TransferBenchmarkTest {

    static final int COMPLAINTS = Integer.getInteger("benchmark.complaints", 10_000);
    static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 5_000);
    static final int OFFERED_RATE = 200;
    static final int OFFERED_SECONDS = 10;
    static final int BATCH = 100;
    static final int RAW_CONSUMERS = 8;
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    static final ShanghaiStandIn SHANGHAI = new ShanghaiStandIn();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.embedded.data-directory", () -> "target/benchmark/" + RUN + "/broker");
        // The embedded defaults' options (application.yml), durability on every commit included.
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/benchmark/" + RUN
                + "/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        registry.add("exchange.simulator.enabled", () -> "false");
        registry.add("exchange.simulator.base-url", SHANGHAI::baseUrl);
        registry.add("logging.level.org.apache.camel", () -> "WARN");
        registry.add("logging.level.org.apache.activemq", () -> "WARN");
    }

    @AfterAll
    static void stop() {
        SHANGHAI.stop();
    }

    ConnectionFactory connectionFactory;

    /** The broker's own factory: Spring's caching wrapper would keep each run's consumers alive into the next. */
    @Autowired
    void connectionFactory(ConnectionFactory factory) {
        connectionFactory = factory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory()
                : factory;
    }

    @Test
    void transferThroughputAndLatencyBesideTheRawBroker() throws Exception {
        String template = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml");
        int size = template.getBytes(StandardCharsets.UTF_8).length;

        // Warm up first, so that neither measurement pays for the JIT compiling the other's code paths.
        gatewayRun("warm-up", WARM_UP, template, 0);
        long cpuBefore = processCpuNanos();
        Figures raw = rawBroker(COMPLAINTS, size);
        long rawCpu = processCpuNanos() - cpuBefore;
        resetPeakHeap();
        cpuBefore = processCpuNanos();
        Figures sustained = gatewayRun("sustained", COMPLAINTS, template, 0);
        long gatewayCpu = processCpuNanos() - cpuBefore;
        Figures offered = gatewayRun("offered", OFFERED_RATE * OFFERED_SECONDS, template, OFFERED_RATE);
        long peakHeap = peakHeap();

        System.out.printf(Locale.ROOT, "%n== Complaint transfer benchmark (%d complaints of %d bytes, 2 cores) ==%n",
                COMPLAINTS, size);
        System.out.printf(Locale.ROOT, "%-44s %10s %9s %9s %9s%n", "", "msg/s", "p50 ms", "p95 ms", "p99 ms");
        raw.print("raw Artemis durable send+receive");
        sustained.print("gateway end to end, as fast as it goes");
        offered.print("gateway end to end, " + OFFERED_RATE + "/s offered");
        System.out.printf(Locale.ROOT, "gateway / raw Artemis throughput: %.2f%n",
                sustained.throughput() / raw.throughput());
        // One process holds the broker, the gateway, the sender and Shanghai's stand-in: the CPU is all of theirs.
        System.out.printf(Locale.ROOT, "CPU time per message, whole process: raw Artemis %.0f µs, gateway %.0f µs "
                + "(%.1f×)%n", rawCpu / 1e3 / COMPLAINTS, gatewayCpu / 1e3 / COMPLAINTS, (double) gatewayCpu / rawCpu);
        System.out.printf(Locale.ROOT, "peak heap during the gateway runs: %d MB (max %d MB)%n%n",
                peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        assertThat(sustained.count()).isEqualTo(COMPLAINTS);
        assertThat(offered.count()).isEqualTo(OFFERED_RATE * OFFERED_SECONDS);
    }

    /** Persistent messages sent in transactions of {@link #BATCH}, taken by consumers committing one each. */
    private Figures rawBroker(int count, int size) throws Exception {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        long[] sentAt = new long[count];
        AtomicLongArray receivedAt = new AtomicLongArray(count);
        CountDownLatch received = new CountDownLatch(count);
        String queueName = "benchmark.raw." + RUN;
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            for (int i = 0; i < RAW_CONSUMERS; i++) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
                consumer.setMessageListener(message -> {
                    try {
                        receivedAt.set(message.getIntProperty("seq"), System.nanoTime());
                        session.commit();
                        received.countDown();
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            Session producerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = producerSession.createProducer(producerSession.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                BytesMessage message = producerSession.createBytesMessage();
                message.writeBytes(payload);
                message.setIntProperty("seq", i);
                sentAt[i] = System.nanoTime();
                producer.send(message);
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    producerSession.commit();
                }
            }
            assertThat(received.await(10, TimeUnit.MINUTES)).isTrue();
            return Figures.of(start, sentAt, receivedAt);
        }
    }

    /**
     * Sends {@code count} complaints as Shenzhen; {@code rate} 0 means in transactions of {@link #BATCH} as fast as
     * the broker takes them, otherwise one at a time at that many per second.
     */
    private Figures gatewayRun(String name, int count, String template, int rate) throws Exception {
        String prefix = "BENCH-" + RUN + "-" + name + "-";
        SHANGHAI.expect(prefix, count);
        AcknowledgementCounter acks = new AcknowledgementCounter(connectionFactory, count);
        long[] sentAt = new long[count];
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = rate == 0 ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("partner.SZ.inbound"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
            for (int i = 0; i < count; i++) {
                if (interval > 0) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(template.replace("SZ-20261120-000123", prefix + i)
                        .getBytes(StandardCharsets.UTF_8));
                sentAt[i] = System.nanoTime();
                producer.send(message);
                if (rate == 0 && ((i + 1) % BATCH == 0 || i == count - 1)) {
                    session.commit();
                }
            }
            assertThat(SHANGHAI.awaitAll(10, TimeUnit.MINUTES)).as("all delivered to Shanghai").isTrue();
            assertThat(acks.awaitAll(2, TimeUnit.MINUTES)).as("all acknowledged to Shenzhen").isTrue();
            assertThat(acks.rejected()).as("rejections").isZero();
            return Figures.of(start, sentAt, SHANGHAI.receivedAt());
        } finally {
            acks.close();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static java.util.stream.Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }

    record Figures(int count, double throughput, double p50, double p95, double p99) {

        static Figures of(long start, long[] sentAt, AtomicLongArray doneAt) {
            int count = sentAt.length;
            double[] latencies = new double[count];
            long last = 0;
            for (int i = 0; i < count; i++) {
                latencies[i] = (doneAt.get(i) - sentAt[i]) / 1e6;
                last = Math.max(last, doneAt.get(i));
            }
            Arrays.sort(latencies);
            double seconds = (last - start) / 1e9;
            return new Figures(count, count / seconds, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99));
        }

        private static double percentile(double[] sorted, int p) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }

        void print(String name) {
            System.out.printf(Locale.ROOT, "%-44s %10.0f %9.1f %9.1f %9.1f%n", name, throughput, p50, p95, p99);
        }
    }

    /** Counts Shenzhen's acknowledgements on its replies queue. */
    static final class AcknowledgementCounter implements AutoCloseable {

        private final Connection connection;
        private final CountDownLatch answered;
        private final java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();

        AcknowledgementCounter(ConnectionFactory factory, int expected) throws JMSException {
            answered = new CountDownLatch(expected);
            connection = factory.createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue replies = session.createQueue("partner.SZ.replies");
            session.createConsumer(replies).setMessageListener(this::count);
            connection.start();
        }

        private void count(Message message) {
            try {
                BytesMessage bytes = (BytesMessage) message;
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                if (!new String(body, StandardCharsets.UTF_8).contains("result=\"ACCEPTED\"")) {
                    rejected.incrementAndGet();
                }
                answered.countDown();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
            return answered.await(timeout, unit);
        }

        int rejected() {
            return rejected.get();
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    /** Shanghai's system: takes deliveries over HTTP and notes when each complaint arrived. */
    static final class ShanghaiStandIn {

        private static final Pattern MESSAGE_ID = Pattern.compile("\"msgId\":\"([^\"]+)-(\\d+)\"");

        private final HttpServer server;
        private volatile String prefix = "";
        private volatile AtomicLongArray receivedAt = new AtomicLongArray(0);
        private volatile CountDownLatch remaining = new CountDownLatch(0);

        ShanghaiStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/partners/SH/inbox", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher id = MESSAGE_ID.matcher(body);
                if (id.find() && (id.group(1) + "-").equals(prefix)) {
                    int seq = Integer.parseInt(id.group(2));
                    if (receivedAt.compareAndSet(seq, 0, System.nanoTime())) {
                        remaining.countDown();
                    }
                }
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void expect(String messagePrefix, int count) {
            receivedAt = new AtomicLongArray(count);
            remaining = new CountDownLatch(count);
            prefix = messagePrefix;
        }

        boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
            return remaining.await(timeout, unit);
        }

        AtomicLongArray receivedAt() {
            return receivedAt;
        }

        void stop() {
            server.stop(0);
        }
    }
}
