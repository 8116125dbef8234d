package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.TestSocketUtils;

import cn.consumerexchange.gateway.drill.GatewayProcess;
import cn.consumerexchange.gateway.drill.LedgerProbe;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

/**
 * Throughput, latency and CPU time per complaint of the packaged gateway on its embedded defaults (embedded Artemis
 * with its persistent journal, H2 on disk), beside a raw Artemis doing durable send+receive of messages of the same
 * size, measured in the same run.
 *
 * <p>Every party has a process of its own, so that a process's CPU time is its own work: the gateway ({@code java
 * -jar}, its simulated Shanghai off and the registry's Shanghai URL pointed at this JVM), the raw broker
 * ({@link RawBroker}), and in this JVM Shenzhen's system (the load, over Artemis's core client and TCP, reading its
 * acknowledgements) and Shanghai's ({@link ShanghaiStandIn}, an HTTP endpoint). A complaint counts as through when
 * Shanghai has received it, by its message id; the run fails if an acknowledged complaint never arrived.
 *
 * <p>The gateway runs under JFR; the execution samples of the closed-loop window, mapped to steps, are written to
 * {@code target/benchmark/profile.txt}. Run with {@code mvn -q -pl gateway verify -Pbenchmark
 * -Dit.test=TransferBenchmarkIT}; {@code -Dbenchmark.complaints=N} sets the closed-loop load,
 * {@code -Dbenchmark.warm-up=N} the complaints sent first so that the JIT has compiled the hot paths,
 * {@code -Dbenchmark.rates=200,500} the offered rates and {@code -Dbenchmark.offered-seconds=N} how long each is
 * offered, {@code -Dbenchmark.gateway.jvm-args="..."} the gateway's JVM options,
 * {@code -Dbenchmark.gateway.cds=true} a start as {@code deploy/cds/prepare.sh} prepares it, and
 * {@code -Dbenchmark.start-timeout-seconds=N} and {@code -Dbenchmark.run-timeout-seconds=N} how long it may take to be
 * ready and to get a run through.
 */
@Tag("benchmark")
class TransferBenchmarkIT {

    static final int COMPLAINTS = Integer.getInteger("benchmark.complaints", 10_000);
    /**
     * Long enough for the JIT compiler to be done: after 4,000 complaints it still took 6–7 ms of CPU per complaint of
     * the measured window, after 20,000 it took 0.3 ms.
     */
    static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 20_000);
    /** Sent and not yet through, at most, in the closed loop. */
    static final int WINDOW = Integer.getInteger("benchmark.window", 1_000);
    static final int[] RATES = Arrays.stream(System.getProperty("benchmark.rates", "200,500").split(","))
            .map(String::trim).mapToInt(Integer::parseInt).toArray();
    static final int OFFERED_SECONDS = Integer.getInteger("benchmark.offered-seconds", 10);
    static final int RAW_CONSUMERS = 8;
    /** The gateway's default {@code exchange.broker.journal-buffer-timeout}, which the raw broker gets too. */
    static final Duration JOURNAL_BUFFER_TIMEOUT = Duration.ofNanos(500_000);
    /** How long a run may take to be answered and delivered once sent; what is missing then fails the run. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(Long.getLong("benchmark.run-timeout-seconds", 600));
    /** Start the gateway as {@code deploy/cds/prepare.sh} prepares it: extracted, with a class-data archive. */
    static final boolean CDS = Boolean.getBoolean("benchmark.gateway.cds");
    static final String SHENZHEN_TOKEN = "benchmark-sz-token";
    static final String INBOUND = "partner.SZ.inbound";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path directory = Path.of("target", "benchmark", run).toAbsolutePath();
    private final BenchmarkComplaints complaints = new BenchmarkComplaints();

    @Test
    void transferThroughputLatencyAndCpuBesideTheRawBroker() throws Exception {
        int size = complaints.size();
        // The raw broker first and alone: neither process takes CPU from the other's measurement.
        Figures raw = rawBroker(size);

        Path jar = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"));
        int httpPort = TestSocketUtils.findAvailableTcpPort();
        int brokerPort = TestSocketUtils.findAvailableTcpPort();
        List<String> jvmArgs = new ArrayList<>(List.of("-XX:FlightRecorderOptions=stackdepth=256"));
        if (CDS) {
            Path prepared = directory.resolve("cds");
            jar = prepareWithCds(jar, prepared);
            jvmArgs.add("-XX:SharedArchiveFile=" + prepared.resolve("gateway.jsa"));
        }
        jvmArgs.addAll(words(System.getProperty("benchmark.gateway.jvm-args", "")));
        Path recording = directory.resolve("gateway.jfr");

        try (ShanghaiStandIn shanghai = new ShanghaiStandIn();
                GatewayProcess gateway = new GatewayProcess(jar, jvmArgs, List.of(
                        "--server.port=" + httpPort,
                        "--server.address=127.0.0.1",
                        "--exchange.broker.tcp-host=127.0.0.1",
                        "--exchange.broker.tcp-port=" + brokerPort,
                        "--exchange.simulator.enabled=false",
                        "--exchange.simulator.base-url=" + shanghai.baseUrl(),
                        "--exchange.partner-tokens.SZ=" + SHENZHEN_TOKEN),
                        Map.of(), directory.resolve("gateway"), httpPort)) {
            long launched = System.nanoTime();
            gateway.start(Duration.ofSeconds(Long.getLong("benchmark.start-timeout-seconds", 300)));
            Duration ready = Duration.ofNanos(System.nanoTime() - launched);
            long pid = gatewayPid(jar);
            jcmd(pid, "JFR.start", "name=benchmark", "settings=profile");

            ActiveMQConnectionFactory broker = new ActiveMQConnectionFactory(
                    "tcp://127.0.0.1:" + brokerPort + "?callTimeout=30000", "SZ", SHENZHEN_TOKEN);
            try (ShenzhenReplies replies = new ShenzhenReplies(broker)) {
                Shenzhen shenzhen = new Shenzhen(broker, replies, shanghai, pid,
                        new LedgerProbe(gateway.uri("/")));
                shenzhen.closedLoop("warm", WARM_UP);

                Map<String, ThreadCpu.ThreadTime> threadsBefore = ThreadCpu.snapshot(pid);
                Duration cpuBefore = ThreadCpu.total(pid);
                Instant from = Instant.now();
                Outcome sustained = shenzhen.closedLoop("closed", COMPLAINTS);
                Instant to = Instant.now();
                Map<String, Duration> cpuByKind = ThreadCpu.byKind(threadsBefore, ThreadCpu.snapshot(pid),
                        ThreadCpu.total(pid).minus(cpuBefore));

                List<Outcome> offered = new ArrayList<>();
                for (int rate : RATES) {
                    offered.add(shenzhen.paced("rate" + rate, rate));
                }
                jcmd(pid, "JFR.stop", "name=benchmark", "filename=" + recording);
                // Read while the gateway runs: the database compacts its file as it closes.
                long ledgerFile = Files.size(directory.resolve("gateway/data/ledger.mv.db"));
                gateway.stop(Duration.ofSeconds(60));

                StepProfile profile = StepProfile.read(recording, from, to);
                LedgerFileWrites writes = LedgerFileWrites.read(directory.resolve("gateway/data/ledger"));
                report(size, raw, ready, sustained, offered, profile, cpuByKind, ledgerFile, writes);
                SoftAssertions.assertSoftly(softly -> {
                    for (Outcome outcome : concat(sustained, offered)) {
                        outcome.check(softly);
                    }
                    softly.assertThat(replies.unreadable()).as("answers without a receipt").isZero();
                    softly.assertThat(shanghai.unreadable()).as("deliveries without a message id").isZero();
                    softly.assertThat(raw.missing()).as("raw broker messages never received").isZero();
                });
            }
        }
    }

    /** The raw broker's closed loop, after a warm-up as long as the gateway's. */
    private Figures rawBroker(int size) throws Exception {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'x');
        try (RawBroker broker = RawBroker.start(directory.resolve("raw-broker"),
                TestSocketUtils.findAvailableTcpPort(), JOURNAL_BUFFER_TIMEOUT, Duration.ofMinutes(1))) {
            ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url() + "?callTimeout=30000");
            rawRun(factory, broker.pid(), "benchmark.raw.warm", WARM_UP, payload);
            return rawRun(factory, broker.pid(), "benchmark.raw", COMPLAINTS, payload);
        }
    }

    /** Persistent messages sent in the closed loop, taken by consumers committing one each. */
    private Figures rawRun(ActiveMQConnectionFactory factory, long pid, String queue, int count, byte[] payload)
            throws Exception {
        AtomicLongArray arrivedAt = new AtomicLongArray(count);
        AtomicInteger arrived = new AtomicInteger();
        try (Connection connection = factory.createConnection()) {
            for (int i = 0; i < RAW_CONSUMERS; i++) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                session.createConsumer(session.createQueue(queue)).setMessageListener(message -> {
                    try {
                        int number = message.getIntProperty("number");
                        session.commit();
                        if (arrivedAt.compareAndSet(number, 0, System.nanoTime())) {
                            arrived.incrementAndGet();
                        }
                    } catch (JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            connection.start();
            Duration cpuBefore = ThreadCpu.total(pid);
            long writtenBefore = ProcessWrites.total(pid);
            QueueLoad.Sent sent = new QueueLoad(factory, queue).closedLoop(count, WINDOW, (session, number) -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(payload);
                message.setIntProperty("number", number);
                return message;
            }, arrived::get);
            awaitUntil(() -> arrived.get() >= count);
            return Figures.of(sent, arrivedAt::get, ThreadCpu.total(pid).minus(cpuBefore),
                    ProcessWrites.total(pid) - writtenBefore);
        }
    }

    /** Shenzhen sending complaints to the gateway, with what the gateway and Shanghai made of them. */
    private final class Shenzhen {

        private final ActiveMQConnectionFactory broker;
        private final ShenzhenReplies replies;
        private final ShanghaiStandIn shanghai;
        private final long pid;
        private final LedgerProbe gateway;

        Shenzhen(ActiveMQConnectionFactory broker, ShenzhenReplies replies, ShanghaiStandIn shanghai, long pid,
                LedgerProbe gateway) {
            this.broker = broker;
            this.replies = replies;
            this.shanghai = shanghai;
            this.pid = pid;
            this.gateway = gateway;
        }

        Outcome closedLoop(String name, int count) throws Exception {
            return measure(name, count, (load, maker, completed) -> load.closedLoop(count, WINDOW, maker, completed));
        }

        Outcome paced(String name, int rate) throws Exception {
            int count = rate * OFFERED_SECONDS;
            return measure(name, count, (load, maker, completed) -> load.paced(count, rate, maker));
        }

        private Outcome measure(String name, int count, Sender sender) throws Exception {
            String runName = run + "-" + name;
            int arrivedBefore = shanghai.distinct();
            int acceptedBefore = replies.accepted();
            int rejectedBefore = replies.rejected();
            IntSupplier through = () -> shanghai.distinct() - arrivedBefore + replies.rejected() - rejectedBefore;
            Duration cpuBefore = ThreadCpu.total(pid);
            long writtenBefore = ProcessWrites.total(pid);
            QueueLoad.Sent sent = sender.send(new QueueLoad(broker, INBOUND), (session, number) -> {
                BytesMessage message = session.createBytesMessage();
                message.writeBytes(complaints.complaint(runName, number));
                return message;
            }, through);
            // Until every complaint is answered and every accepted one is at Shanghai, or the time is up.
            awaitUntil(() -> replies.accepted() - acceptedBefore + replies.rejected() - rejectedBefore >= count
                    && shanghai.distinct() - arrivedBefore >= replies.accepted() - acceptedBefore);
            Duration cpu = ThreadCpu.total(pid).minus(cpuBefore);
            long written = ProcessWrites.total(pid) - writtenBefore;
            return Outcome.of(name, runName, sent, replies, shanghai, cpu, written, gateway.uncheckedCases());
        }
    }

    @FunctionalInterface
    private interface Sender {
        QueueLoad.Sent send(QueueLoad load, QueueLoad.MessageMaker maker, IntSupplier completed) throws JMSException;
    }

    /**
     * A gateway run: its figures, counted at Shanghai by message id, what was answered, and the cases the related-case
     * sweep had still to look at when it ended (work the run's CPU figure leaves for later; -1 when not read).
     */
    record Outcome(String name, Figures figures, int accepted, int rejected, int unanswered,
            int acknowledgedNotArrived, int arrivedUnacknowledged, int duplicates, int repeatsWithOtherKey,
            int relatedUnchecked) {

        static Outcome of(String name, String runName, QueueLoad.Sent sent, ShenzhenReplies replies,
                ShanghaiStandIn shanghai, Duration cpu, long written, int relatedUnchecked) {
            int accepted = 0;
            int rejected = 0;
            int unanswered = 0;
            int notArrived = 0;
            int unacknowledged = 0;
            int duplicates = 0;
            int otherKey = 0;
            for (int i = 0; i < sent.count(); i++) {
                String messageId = BenchmarkComplaints.messageId(runName, i);
                String result = replies.result(messageId);
                ShanghaiStandIn.Arrival arrival = shanghai.arrival(messageId);
                if (result == null) {
                    unanswered++;
                } else if (result.equals("ACCEPTED")) {
                    accepted++;
                } else {
                    rejected++;
                }
                if ("ACCEPTED".equals(result) && arrival == null) {
                    notArrived++;
                }
                if (arrival != null) {
                    unacknowledged += "ACCEPTED".equals(result) ? 0 : 1;
                    duplicates += arrival.count() - 1;
                    otherKey += arrival.sameKey() ? 0 : 1;
                }
            }
            Figures figures = Figures.of(sent, number -> {
                ShanghaiStandIn.Arrival arrival = shanghai.arrival(BenchmarkComplaints.messageId(runName, number));
                return arrival == null ? 0 : arrival.firstAt();
            }, cpu, written);
            return new Outcome(name, figures, accepted, rejected, unanswered, notArrived, unacknowledged, duplicates,
                    otherKey, relatedUnchecked);
        }

        void check(SoftAssertions softly) {
            softly.assertThat(unanswered).as(name + ": complaints never answered").isZero();
            softly.assertThat(rejected).as(name + ": complaints rejected").isZero();
            softly.assertThat(acknowledgedNotArrived).as(name + ": acknowledged complaints Shanghai never received")
                    .isZero();
            softly.assertThat(arrivedUnacknowledged).as(name + ": complaints received without an ACCEPTED")
                    .isZero();
            softly.assertThat(repeatsWithOtherKey).as(name + ": complaints received again under another key").isZero();
        }

        String completeness() {
            return String.format(Locale.ROOT, "%-12s sent %6d, accepted %6d, rejected %d, unanswered %d, received at "
                    + "Shanghai %6d (acknowledged, never received: %d), received more than once: %d",
                    name, figures.sent(), accepted, rejected, unanswered, figures.arrived(), acknowledgedNotArrived,
                    duplicates);
        }
    }

    private void report(int size, Figures raw, Duration ready, Outcome sustained, List<Outcome> offered,
            StepProfile profile, Map<String, Duration> cpuByKind, long ledgerFile, LedgerFileWrites writes)
            throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8)) {
            out.printf(Locale.ROOT, "%n== Complaint transfer benchmark, run %s: %d complaints of %d bytes closed loop "
                    + "(window %d, after %d to warm up), %d cores ==%n", run, COMPLAINTS, size, WINDOW, WARM_UP,
                    Runtime.getRuntime().availableProcessors());
            out.println(Figures.header());
            out.println(raw.row("raw Artemis durable send+receive, closed loop"));
            out.println(sustained.figures().row("gateway end to end, closed loop"));
            for (Outcome outcome : offered) {
                out.println(outcome.figures().row("gateway end to end, " + outcome.name().substring(4)
                        + "/s offered"));
            }
            out.printf(Locale.ROOT, "gateway / raw Artemis: throughput %.2f, CPU per message %.1f×%n",
                    sustained.figures().throughput() / raw.throughput(), sustained.figures().cpuMs() / raw.cpuMs());
            out.printf(Locale.ROOT, "gateway per complaint (closed loop): CPU %.3f ms, written %.1f KB; raw Artemis per "
                    + "message: CPU %.3f ms, written %.1f KB%n", sustained.figures().cpuMs(),
                    sustained.figures().writtenKb(), raw.cpuMs(), raw.writtenKb());
            out.printf(Locale.ROOT, "gateway ready (health UP) %.1f s after launch (%s); peak heap %d MB (JFR, "
                    + "warm-up to the end) of %d MB max%n", ready.toMillis() / 1e3,
                    CDS ? "extracted jar with a class-data archive, deploy/cds/prepare.sh" : "java -jar, fat jar",
                    profile.peakHeap() / (1024 * 1024), profile.maxHeap() / (1024 * 1024));
            long complaints = WARM_UP + sustained.figures().sent()
                    + offered.stream().mapToLong(outcome -> outcome.figures().sent()).sum();
            out.printf(Locale.ROOT, "ledger file (H2) before the gateway stopped: %.1f MB for %d complaints, %.1f KB "
                    + "per complaint%n", ledgerFile / 1e6, complaints, ledgerFile / 1e3 / complaints);
            out.println("Completeness, by message id at Shanghai's endpoint:");
            for (Outcome outcome : concat(sustained, offered)) {
                out.println("  " + outcome.completeness());
            }
            out.println("Related-case sweep (并案), cases still to look at as each run ended (work its CPU figure leaves "
                    + "for later): " + String.join(", ", concat(sustained, offered).stream()
                            .map(outcome -> outcome.name() + " " + outcome.relatedUnchecked()).toList()));
            profile.bounds(cpuByKind, sustained.figures().arrived())
                    .print(out, sustained.figures().throughput(), raw.throughput());
        }
        ByteArrayOutputStream steps = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(steps, true, StandardCharsets.UTF_8)) {
            out.printf(Locale.ROOT, "Gateway CPU profile, closed-loop window of run %s (%d complaints)%n%n", run,
                    sustained.figures().arrived());
            profile.print(out, cpuByKind, sustained.figures().arrived());
            out.println();
            writes.print(out, 25);
        }
        System.out.print(text.toString(StandardCharsets.UTF_8));
        System.out.println();
        System.out.print(steps.toString(StandardCharsets.UTF_8));
        Files.write(directory.resolve("report.txt"), text.toByteArray());
        Files.write(directory.resolve("profile.txt"), steps.toByteArray());
        Files.write(directory.getParent().resolve("report.txt"), text.toByteArray());
        Files.write(directory.getParent().resolve("profile.txt"), steps.toByteArray());
    }

    /** Runs {@code deploy/cds/prepare.sh} on the jar into {@code folder}; returns the extracted jar to start. */
    private static Path prepareWithCds(Path jar, Path folder) throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("deploy.directory", "../deploy"), "cds", "prepare.sh");
        Process prepare = new ProcessBuilder("bash", script.toString(), jar.toString(), folder.toString())
                .redirectErrorStream(true).redirectOutput(Files.createDirectories(folder).resolve("prepare.log")
                        .toFile()).start();
        if (!prepare.waitFor(10, TimeUnit.MINUTES) || prepare.exitValue() != 0) {
            prepare.destroyForcibly();
            throw new IllegalStateException(script + " failed; see " + folder.resolve("prepare.log"));
        }
        return folder.resolve(jar.getFileName());
    }

    private static List<Outcome> concat(Outcome first, List<Outcome> rest) {
        List<Outcome> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** The gateway's JVM: the child of this one that runs the jar. */
    private static long gatewayPid(Path jar) {
        String path = jar.toAbsolutePath().toString();
        return ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(arguments -> Arrays.asList(arguments).contains(path))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no process runs " + path)).pid();
    }

    /** Runs {@code jcmd} against the gateway's JVM (JFR on and off without a restart, after it is ready). */
    private void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Path log = directory.resolve("jcmd.log");
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!jcmd.waitFor(2, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            jcmd.destroyForcibly();
            throw new IllegalStateException(line + " failed; see " + log);
        }
    }

    /** Waits until {@code done}, for at most {@link #RUN_TIMEOUT}; what is missing then shows in the figures. */
    private static void awaitUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(word -> !word.isBlank()).toList();
    }
}
