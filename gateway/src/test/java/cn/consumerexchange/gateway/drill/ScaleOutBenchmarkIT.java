package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The throughput of two gateway instances beside one, as a scaled-out deployment runs them: a standalone Artemis (from
 * {@code deploy/artemis}) and one PostgreSQL database, shared. Shenzhen offers complaints over JMS faster than one
 * instance takes them; a run counts from its first send to the last complaint's arrival at Shanghai's endpoint. One
 * instance runs a warm-up and a measured run; then a second instance joins, both warm up, and the same load runs again.
 * Beside each figure: the CPU time per complaint of the gateways together and of the broker. Every acknowledged
 * complaint must arrive exactly once, by message id, or the run fails.
 *
 * <p>Every process shares the machine's cores: on a machine with fewer cores than processes a second instance adds
 * contention, not capacity, and the figures say so. Run with {@code mvn -q install -DskipTests && mvn -q -pl gateway
 * verify -Pbenchmark -Dit.test=ScaleOutBenchmarkIT}; {@code -Dbenchmark.scale.complaints=N} (default 3,000) and
 * {@code -Dbenchmark.scale.rate=N} (offered per second, default 1,000). Needs PostgreSQL at 127.0.0.1:5432.
 */
@Tag("benchmark")
class ScaleOutBenchmarkIT {

    private static final int COMPLAINTS = Integer.getInteger("benchmark.scale.complaints", 3_000);
    private static final double RATE = Double.parseDouble(System.getProperty("benchmark.scale.rate", "1000"));
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);

    /** One measured run, reconciled at Shanghai by message id. */
    private record Row(int instances, int acknowledged, int deliveredOnce, int deliveredTwice, int missing,
            double seconds, Duration gatewayCpu, Duration brokerCpu, Duration databaseCpu, Duration loadCpu) {

        double perSecond() {
            return deliveredOnce / seconds;
        }

        String render() {
            return String.format(Locale.ROOT, "| %d | %,d | %.0f | %.1f | %.2f | %.2f | %.2f | %d | %d |", instances,
                    deliveredOnce, perSecond(), perComplaint(gatewayCpu), perComplaint(brokerCpu),
                    perComplaint(databaseCpu), perComplaint(loadCpu), deliveredTwice, missing);
        }

        private double perComplaint(Duration cpu) {
            return cpu.toNanos() / 1e6 / deliveredOnce;
        }
    }

    @Test
    void twoInstancesBesideOneOnASharedBrokerAndDatabase() throws Exception {
        String run = CrashDrill.newRunName();
        Path directory = Path.of("target", "benchmark", "scale-out-" + run).toAbsolutePath();
        Files.createDirectories(directory);
        String shenzhenToken = "bench-sz-" + UUID.randomUUID();
        String shanghaiToken = "bench-sh-" + UUID.randomUUID();
        DrillSettings paths = DrillSettings.fromSystemProperties(run);
        LedgerDatabase ledger = LedgerDatabase.freshPostgresDatabase(run);
        List<Row> rows = new ArrayList<>();
        try (StandaloneBroker broker = new StandaloneBroker(paths.artemisHome(), paths.brokerConfig(), directory,
                        FreePort.find(), "bench-gateway", "bench-gateway-" + UUID.randomUUID(),
                        CrashDrill.queuePartnerTokens(shenzhenToken));
                ShanghaiReceiver shanghai = new ShanghaiReceiver();
                GatewayProcess first = DeployedGateway.process(paths.jar(), List.of(), directory.resolve("instance-1"),
                        FreePort.find(), broker.gatewayArguments(), ledger, shanghai, shenzhenToken, shanghaiToken,
                        List.of());
                GatewayProcess second = DeployedGateway.process(paths.jar(), List.of(),
                        directory.resolve("instance-2"), FreePort.find(), broker.gatewayArguments(), ledger, shanghai,
                        shenzhenToken, shanghaiToken, List.of())) {
            broker.start(START_TIMEOUT);
            first.start(START_TIMEOUT);
            ActiveMQConnectionFactory shenzhenLogin = new ActiveMQConnectionFactory(
                    broker.url() + "?callTimeout=30000", "SZ", shenzhenToken);
            try (ShenzhenQueueClient shenzhen = new ShenzhenQueueClient(shenzhenLogin)) {
                Load load = new Load(shenzhen, shanghai, run);
                load.through("one-warm-up", COMPLAINTS / 2);
                rows.add(load.measured("one", 1, List.of(first), broker));

                second.start(START_TIMEOUT);
                load.through("two-warm-up", COMPLAINTS / 2);
                rows.add(load.measured("two", 2, List.of(first, second), broker));
            }
            first.stop(Duration.ofSeconds(60));
            second.stop(Duration.ofSeconds(60));
        } finally {
            ledger.drop();
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%n== Scale-out: %,d complaints offered at %.0f/s, SZ (JMS) -> SH (HTTP), standalone Artemis,"
                        + " PostgreSQL, %d cores ==%n| instances | delivered | complaints/s | CPU ms/complaint: gateways"
                        + " | broker | PostgreSQL | Shenzhen and Shanghai (this JVM) | delivered twice | missing |%n"
                        + "|---|---|---|---|---|---|---|---|---|%n",
                COMPLAINTS, RATE, Runtime.getRuntime().availableProcessors()));
        rows.forEach(row -> report.append(row.render()).append('\n'));
        report.append(String.format(Locale.ROOT, "two instances / one: %.2f%n",
                rows.get(1).perSecond() / rows.get(0).perSecond()));
        System.out.print(report);
        Files.writeString(directory.getParent().resolve("scale-out-report.txt"), report);
        for (Row row : rows) {
            assertThat(row.acknowledged()).as("%d instance(s): acknowledged", row.instances()).isEqualTo(COMPLAINTS);
            assertThat(row.deliveredOnce()).as("%d instance(s): delivered exactly once", row.instances())
                    .isEqualTo(COMPLAINTS);
            assertThat(row.missing()).as("%d instance(s): acknowledged, never delivered", row.instances()).isZero();
        }
    }

    /** Shenzhen's complaints in runs of their own, each reconciled at Shanghai by message id. */
    private static final class Load {

        private final ShenzhenQueueClient shenzhen;
        private final ShanghaiReceiver shanghai;
        private final String run;
        private int sent;

        Load(ShenzhenQueueClient shenzhen, ShanghaiReceiver shanghai, String run) {
            this.shenzhen = shenzhen;
            this.shanghai = shanghai;
            this.run = run;
        }

        /** Sends {@code count} complaints and waits until Shanghai has every acknowledged one. */
        DrillComplaints through(String name, int count) throws InterruptedException {
            DrillComplaints complaints = new DrillComplaints(run + "-" + name);
            shenzhen.send(complaints, count, RATE, RUN_TIMEOUT, new AtomicInteger());
            sent += count;
            shanghai.log().awaitEveryAcknowledged(shenzhen.answers(), sent, RUN_TIMEOUT);
            return complaints;
        }

        Row measured(String name, int instances, List<GatewayProcess> gateways, StandaloneBroker broker)
                throws InterruptedException {
            Duration gatewaysBefore = cpu(gateways);
            Duration brokerBefore = cpu(broker.pid());
            Duration databaseBefore = postgresCpu();
            Duration loadBefore = cpu(ProcessHandle.current().pid());
            long started = System.nanoTime();
            DrillComplaints complaints = through(name, COMPLAINTS);
            double seconds = (System.nanoTime() - started) / 1e9;
            Duration gatewayCpu = cpu(gateways).minus(gatewaysBefore);
            Duration brokerCpu = cpu(broker.pid()).minus(brokerBefore);
            Duration databaseCpu = postgresCpu().minus(databaseBefore);
            Duration loadCpu = cpu(ProcessHandle.current().pid()).minus(loadBefore);
            int acknowledged = 0;
            int once = 0;
            int twice = 0;
            int missing = 0;
            for (int i = 0; i < COMPLAINTS; i++) {
                String messageId = complaints.shenzhenMessageId(i);
                int copies = shanghai.log().copiesOf(messageId).size();
                boolean accepted = shenzhen.answers().accepted().containsKey(messageId);
                acknowledged += accepted ? 1 : 0;
                once += copies == 1 ? 1 : 0;
                twice += copies > 1 ? 1 : 0;
                missing += accepted && copies == 0 ? 1 : 0;
            }
            return new Row(instances, acknowledged, once, twice, missing, seconds, gatewayCpu, brokerCpu,
                    databaseCpu, loadCpu);
        }

        private static Duration cpu(List<GatewayProcess> gateways) {
            return gateways.stream().map(gateway -> cpu(gateway.pid())).reduce(Duration.ZERO, Duration::plus);
        }

        /** Every PostgreSQL process's CPU time: the server and its backends (the pools' connections live on). */
        private static Duration postgresCpu() {
            return ProcessHandle.allProcesses()
                    .filter(process -> process.info().command().map(command -> command.endsWith("/postgres"))
                            .orElse(false)
                            || process.info().commandLine().map(line -> line.startsWith("postgres:")).orElse(false))
                    .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus);
        }

        private static Duration cpu(long pid) {
            return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElseThrow();
        }
    }
}
