package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances share one standalone Artemis (set up from {@code deploy/artemis}, as docker-compose.yml runs
 * it) and one PostgreSQL database, as a deployment scaled out runs them. Shenzhen sends complaints over JMS to its
 * queue, which both instances consume; both deliver to Shanghai's HTTP endpoint. Reconciled at that endpoint by
 * message id, every acknowledged complaint arrives exactly once: the endpoint does not deduplicate by
 * {@code Idempotency-Key}, so a second request with the same key would count as a second delivery. Each instance's
 * own counters ({@code /actuator/prometheus}) show it took and delivered a share.
 *
 * <p>Then Shanghai is switched off through instance 1: instance 2 follows the switch from the database and stops its
 * deliveries too; complaints accepted meanwhile wait, and are delivered once, each exactly once, when Shanghai is
 * switched on again, this time through instance 2.
 *
 * <p>Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust; a database of its own per run, dropped afterwards) and
 * the Artemis distribution the build unpacks: tagged {@code services}, so {@code mvn -Pservices verify} runs it.
 */
@Tag("services")
class ScaleOutIT {

    /** Generous: two gateways and a broker starting at once on two busy cores took over five minutes once. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);
    private static final int COMPLAINTS = Integer.getInteger("scale.complaints", 200);
    private static final double RATE = Double.parseDouble(System.getProperty("scale.rate", "25"));
    private static final int WHILE_SWITCHED_OFF = 20;

    @Test
    void twoInstancesDeliverEveryComplaintOnceAndFollowOneSwitch() throws Exception {
        String run = CrashDrill.newRunName();
        Path directory = Path.of("target", "scale-out", run).toAbsolutePath();
        Files.createDirectories(directory);
        String shenzhenToken = "scale-sz-" + UUID.randomUUID();
        String shanghaiToken = "scale-sh-" + UUID.randomUUID();
        DrillSettings paths = DrillSettings.fromSystemProperties(run);
        LedgerDatabase ledger = LedgerDatabase.freshPostgresDatabase(run);
        List<String> quicker = List.of("--exchange.delivery.switch-refresh=1s");
        try (StandaloneBroker broker = new StandaloneBroker(paths.artemisHome(), paths.brokerConfig(), directory,
                        FreePort.find(), "scale-gateway", "scale-gateway-" + UUID.randomUUID(),
                        CrashDrill.queuePartnerTokens(shenzhenToken));
                ShanghaiReceiver shanghai = new ShanghaiReceiver();
                GatewayProcess first = DeployedGateway.process(paths.jar(), directory.resolve("instance-1"),
                        FreePort.find(), broker.gatewayArguments(), ledger, shanghai, shenzhenToken, shanghaiToken,
                        quicker);
                GatewayProcess second = DeployedGateway.process(paths.jar(), directory.resolve("instance-2"),
                        FreePort.find(), broker.gatewayArguments(), ledger, shanghai, shenzhenToken, shanghaiToken,
                        quicker)) {
            broker.start(START_TIMEOUT);
            // Both at once, as a scaled deployment starts them: Flyway migrates the shared schema under a lock.
            CompletableFuture<Void> secondStarted = CompletableFuture.runAsync(() -> second.start(START_TIMEOUT));
            first.start(START_TIMEOUT);
            secondStarted.join();
            OperatorApi one = new OperatorApi(first);
            OperatorApi two = new OperatorApi(second);

            ActiveMQConnectionFactory shenzhenLogin = new ActiveMQConnectionFactory(
                    broker.url() + "?callTimeout=10000", "SZ", shenzhenToken);
            try (ShenzhenQueueClient shenzhen = new ShenzhenQueueClient(shenzhenLogin)) {
                DrillComplaints complaints = new DrillComplaints(run);
                long sendStarted = System.nanoTime();
                shenzhen.send(complaints, COMPLAINTS, RATE, LOAD_TIMEOUT, new AtomicInteger());
                shanghai.log().awaitEveryAcknowledged(shenzhen.answers(), COMPLAINTS, LOAD_TIMEOUT);
                double seconds = (System.nanoTime() - sendStarted) / 1e9;
                FlowFigures flow = FlowFigures.reconcile("SZ->SH jms>http", COMPLAINTS, shenzhen.answers(),
                        shenzhen.unanswered(), shenzhen.resends(), shanghai.log());
                System.out.printf(Locale.ROOT, "[scale-out] %d complaints at %.0f/s offered, all delivered after"
                        + " %.1f s; %s%n", COMPLAINTS, RATE, seconds, flow);

                Map<String, Double> accepted = Map.of(
                        "instance 1", one.counter("exchange_messages_accepted_total", "SZ"),
                        "instance 2", two.counter("exchange_messages_accepted_total", "SZ"));
                Map<String, Double> delivered = Map.of(
                        "instance 1", one.counter("exchange_deliveries_delivered_total", "SH"),
                        "instance 2", two.counter("exchange_deliveries_delivered_total", "SH"));
                System.out.printf(Locale.ROOT, "[scale-out] accepted from SZ by instance: %s; delivered to SH: %s%n",
                        accepted, delivered);

                SoftAssertions.assertSoftly(softly -> {
                    softly.assertThat(flow.acknowledged()).as("complaints acknowledged ACCEPTED").isEqualTo(COMPLAINTS);
                    softly.assertThat(flow.deliveredOnce()).as("delivered exactly once").isEqualTo(COMPLAINTS);
                    softly.assertThat(flow.deliveredMoreThanOnce()).as("delivered more than once").isZero();
                    softly.assertThat(flow.missing()).as("acknowledged, never delivered").isZero();
                    softly.assertThat(flow.deliveredUnacknowledged()).as("delivered, never acknowledged").isZero();
                    accepted.forEach((instance, count) -> softly.assertThat(count)
                            .as("complaints %s took from Shenzhen's queue", instance).isPositive());
                    delivered.forEach((instance, count) -> softly.assertThat(count)
                            .as("deliveries %s made to Shanghai", instance).isPositive());
                    softly.assertThat(accepted.values().stream().mapToDouble(Double::doubleValue).sum())
                            .as("acceptances over both instances").isEqualTo(COMPLAINTS);
                });

                one.switchPartner("SH", false, "scale-out test: Shanghai's system in maintenance");
                awaitDelivering(two, false);
                DrillComplaints meanwhile = new DrillComplaints(run + "-off");
                List<String> sentWhileOff = IntStream.range(0, WHILE_SWITCHED_OFF)
                        .mapToObj(meanwhile::shenzhenMessageId).toList();
                shenzhen.send(meanwhile, WHILE_SWITCHED_OFF, RATE, LOAD_TIMEOUT, new AtomicInteger());
                assertThat(shenzhen.answers().accepted()).as("acknowledged while SH was switched off")
                        .containsKeys(sentWhileOff.toArray(String[]::new));
                assertThat(one.isDelivering("SH")).as("instance 1 delivers to SH while switched off").isFalse();
                assertThat(two.isDelivering("SH")).as("instance 2 delivers to SH while switched off").isFalse();
                assertThat(sentWhileOff).as("complaints delivered to SH while it was switched off")
                        .noneMatch(shanghai.log()::contains);

                two.switchPartner("SH", true, "scale-out test: Shanghai back");
                shanghai.log().awaitEveryAcknowledged(shenzhen.answers(), COMPLAINTS + WHILE_SWITCHED_OFF,
                        LOAD_TIMEOUT);
                assertThat(sentWhileOff).as("delivered exactly once after SH was switched on again")
                        .allMatch(id -> shanghai.log().copiesOf(id).size() == 1);
                awaitDelivering(one, true);
            }
            first.stop(Duration.ofSeconds(60));
            second.stop(Duration.ofSeconds(60));
            System.out.printf(Locale.ROOT, "[scale-out] ledger rows: %s%n", ledger.rowsByDirectionAndState());
        } finally {
            ledger.drop();
        }
    }

    /** An instance follows a switch another instance recorded within its refresh interval. */
    private static void awaitDelivering(OperatorApi instance, boolean delivering) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (instance.isDelivering("SH") != delivering) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("deliveries to SH not switched " + (delivering ? "on" : "off")
                        + " on the other instance 30 s after the switch");
            }
            Thread.sleep(200);
        }
    }
}
