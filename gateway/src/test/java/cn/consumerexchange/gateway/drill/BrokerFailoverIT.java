package cn.consumerexchange.gateway.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The gateway on a high-availability pair of Artemis brokers (主备), set up from {@code deploy/artemis} as
 * docker-compose.ha.yml sets them up: a primary and a backup sharing one store ({@code ARTEMIS_HA_ROLE}, see
 * configure.sh). The gateway and Shenzhen both connect with a failover URL naming the two. While Shenzhen sends
 * complaints, the primary is killed with SIGKILL; the backup takes the store over and serves, the gateway and Shenzhen
 * fail over to it. Reconciled at Shanghai's endpoint by message id: every complaint Shenzhen was told was accepted is
 * delivered, and a complaint delivered twice carried the same {@code Idempotency-Key} both times.
 *
 * <p>Needs the Artemis distribution the build unpacks; about three minutes, so it runs on its own:
 * {@code mvn -pl gateway verify -Pfailover} (tagged {@code failover}).
 */
@Tag("failover")
class BrokerFailoverIT {

    /** Generous: two gateways and a broker starting at once on two busy cores took over five minutes once. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(180);
    private static final int COMPLAINTS = Integer.getInteger("failover.complaints", 150);
    private static final double RATE = Double.parseDouble(System.getProperty("failover.rate", "10"));

    @Test
    void theGatewayFailsOverToTheBackupAndLosesNothingAcknowledged() throws Exception {
        String run = CrashDrill.newRunName();
        Path directory = Path.of("target", "broker-failover", run).toAbsolutePath();
        Files.createDirectories(directory);
        DrillSettings paths = DrillSettings.fromSystemProperties(run);
        String shenzhenToken = "failover-sz-" + UUID.randomUUID();
        String shanghaiToken = "failover-sh-" + UUID.randomUUID();
        String user = "failover-gateway";
        String password = "failover-gateway-" + UUID.randomUUID();
        Map<String, String> tokens = CrashDrill.queuePartnerTokens(shenzhenToken);
        int primaryPort = FreePort.find();
        int backupPort = FreePort.find();
        Path store = directory.resolve("shared-store");
        // Both brokers, in the order a client tries them; reconnecting without end, as a deployment's gateway must.
        String pair = "(tcp://127.0.0.1:" + primaryPort + ",tcp://127.0.0.1:" + backupPort
                + ")?ha=true&reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5&maxRetryInterval=5000";

        try (StandaloneBroker primary = StandaloneBroker.ofPair("primary", paths.artemisHome(), paths.brokerConfig(),
                        directory, primaryPort, backupPort, store, user, password, tokens);
                StandaloneBroker backup = StandaloneBroker.ofPair("backup", paths.artemisHome(),
                        paths.brokerConfig(), directory, backupPort, primaryPort, store, user, password, tokens);
                ShanghaiReceiver shanghai = new ShanghaiReceiver();
                GatewayProcess gateway = DeployedGateway.process(paths.jar(), directory.resolve("gateway"),
                        FreePort.find(), primary.gatewayArguments(pair),
                        LedgerDatabase.h2(directory.resolve("ledger")), shanghai, shenzhenToken, shanghaiToken,
                        List.of())) {
            primary.start(START_TIMEOUT);
            backup.startPassive(START_TIMEOUT);
            gateway.start(START_TIMEOUT);

            ActiveMQConnectionFactory shenzhenLogin = new ActiveMQConnectionFactory(pair + "&callTimeout=10000",
                    "SZ", shenzhenToken);
            AtomicInteger offered = new AtomicInteger();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            try (ShenzhenQueueClient shenzhen = new ShenzhenQueueClient(shenzhenLogin)) {
                Future<?> load = sender.submit(() -> {
                    shenzhen.send(new DrillComplaints(run), COMPLAINTS, RATE, LOAD_TIMEOUT, offered);
                    return null;
                });
                while (offered.get() < COMPLAINTS / 3 && !load.isDone()) {
                    Thread.sleep(50);
                }
                int offeredAtKill = offered.get();
                long acceptedAtKill = shenzhen.answers().accepted().size();
                primary.kill();
                backup.awaitActive(START_TIMEOUT);
                load.get();
                shanghai.log().awaitEveryAcknowledged(shenzhen.answers(), COMPLAINTS, LOAD_TIMEOUT);

                FlowFigures flow = FlowFigures.reconcile("SZ->SH jms>http", COMPLAINTS, shenzhen.answers(),
                        shenzhen.unanswered(), shenzhen.resends(), shanghai.log());
                System.out.printf(Locale.ROOT, "[broker-failover] primary killed after %d of %d complaints offered, %d"
                        + " acknowledged; backup active; %s%n", offeredAtKill, COMPLAINTS, acceptedAtKill, flow);
                SoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(offeredAtKill).as("complaints offered when the primary was killed")
                            .isLessThan(COMPLAINTS);
                    softly.assertThat(gateway.isAlive()).as("the gateway runs on").isTrue();
                    softly.assertThat(flow.unanswered()).as("complaints never answered").isZero();
                    softly.assertThat(flow.acknowledged()).as("complaints acknowledged ACCEPTED").isEqualTo(COMPLAINTS);
                    softly.assertThat(flow.missing()).as("acknowledged, never delivered").isZero();
                    softly.assertThat(flow.deliveredMoreThanOnce() - flow.repeatsWithSameKey())
                            .as("delivered twice without the same Idempotency-Key").isZero();
                });
            } finally {
                sender.shutdownNow();
            }
            gateway.stop(Duration.ofSeconds(60));
        }
    }
}
