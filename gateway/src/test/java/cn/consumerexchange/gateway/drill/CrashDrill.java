package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A crash drill: the packaged gateway in a process of its own on a persistent journal and database, Shenzhen and
 * Shanghai played from outside it, the gateway killed with SIGKILL during the load and Shanghai's endpoint taken down
 * for a while; then every acknowledged complaint is looked for at its receiver.
 *
 * <ul>
 *   <li>Shenzhen (SZ, gba-xml) sends over JMS to {@code partner.SZ.inbound}, about businesses in Shanghai, and reads
 *       its answers on {@code partner.SZ.replies} and its deliveries on {@code partner.SZ.outbound};</li>
 *   <li>Shanghai (SH, yrd-json) posts to the HTTP intake, about businesses in Shenzhen, and takes its deliveries on an
 *       HTTP endpoint of the drill's own.</li>
 * </ul>
 * Both senders resend what they have no answer for under the same message id, as partners do. After the load the drill
 * waits until everything acknowledged has been delivered and the ledger has settled, or the drain timeout passes,
 * stops the gateway normally, reads the ledger from the database and reconciles.
 *
 * <p>Shenzhen's broker is the gateway's embedded one, or with {@code -Ddrill.broker=external} a standalone Artemis set
 * up from {@code deploy/artemis}, started before the gateway and killed and restarted once during the load.
 */
final class CrashDrill {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Seconds in a row with no partner's backlog and no case left for the related-case sweep before the drill stops the
     * gateway: several sweeps.
     */
    private static final int QUIET_SECONDS = 5;
    /** configure.sh's default QUEUE_PARTNERS: the standalone broker gets a user for each, as a deployment does. */
    private static final List<String> QUEUE_PARTNERS = List.of("GZ", "SZ", "ZH", "FS", "JM", "ZQ", "HZ", "DG", "ZS");

    private final DrillSettings settings;
    private final String run;
    private final PrintStream out;
    private volatile long startedAt;

    CrashDrill(DrillSettings settings, String run, PrintStream out) {
        this.settings = settings;
        this.run = run;
        this.out = out;
    }

    /** A run name that sorts by time, fits a message id and a PostgreSQL schema name. */
    static String newRunName() {
        return "r" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    Reconciliation run() throws Exception {
        Files.createDirectories(settings.runDirectory());
        LedgerDatabase ledger = LedgerDatabase.create(settings.database(), settings.runDirectory(), run);
        int brokerPort = settings.brokerPort() == 0 ? FreePort.find() : settings.brokerPort();
        int httpPort = FreePort.find();
        String shenzhenToken = "drill-sz-" + UUID.randomUUID();
        String shanghaiToken = "drill-sh-" + UUID.randomUUID();
        event("run directory " + settings.runDirectory() + ", ledger on " + ledger.description() + ", seed "
                + settings.seed());
        if (!settings.gatewayArgs().isEmpty()) {
            event("gateway settings for this drill: " + String.join(" ", settings.gatewayArgs()));
        }

        Optional<StandaloneBroker> standalone = settings.externalBroker()
                ? Optional.of(standaloneBroker(brokerPort, shenzhenToken))
                : Optional.empty();
        try (DrillBroker broker = standalone.<DrillBroker>map(own -> own)
                        .orElseGet(() -> new EmbeddedBroker(settings.runDirectory().resolve("broker"), brokerPort));
                ShanghaiReceiver shanghaiEndpoint = new ShanghaiReceiver();
                GatewayProcess gateway = new GatewayProcess(settings.jar(), settings.gatewayJvmArgs(),
                        gatewayArguments(ledger, httpPort, broker, shanghaiEndpoint, shenzhenToken, shanghaiToken),
                        ledger.gatewayEnvironment(), settings.runDirectory(), httpPort)) {
            startedAt = System.nanoTime();
            if (standalone.isPresent()) {
                standalone.get().start(START_TIMEOUT);
                event("standalone broker (pid " + standalone.get().pid() + ") listening on tcp://127.0.0.1:"
                        + brokerPort + ", " + broker.description());
            }
            gateway.start(START_TIMEOUT);
            event("gateway healthy on http://127.0.0.1:" + httpPort + ", broker tcp://127.0.0.1:" + brokerPort);
            requireBrokerAcceptor(brokerPort);

            try (Partners partners = new Partners(gateway, brokerPort, shenzhenToken, shanghaiToken,
                    shanghaiEndpoint)) {
                AtomicInteger offered = new AtomicInteger();
                Faults faults = new Faults(settings, gateway, standalone, shanghaiEndpoint, offered,
                        this::event);
                ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor();
                progress.scheduleAtFixedRate(() -> event("offered " + offered.get() + " of " + settings.complaints()
                        + "; " + partners.progress()), 10, 10, TimeUnit.SECONDS);
                try {
                    faults.start();
                    partners.send(new DrillComplaints(run), settings, offered);
                    faults.loadOver();
                    faults.awaitDone(START_TIMEOUT.plus(settings.outage()));
                    drain(partners, new LedgerProbe(gateway.uri("/")));
                } finally {
                    progress.shutdownNow();
                }
                event("stopping the gateway");
                gateway.stop(STOP_TIMEOUT);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
                return new Reconciliation(title(ledger), partners.reconcile(settings),
                        ledger.rowsByDirectionAndState(), ledger.dueIndexDisagreements(), elapsed, faults.kills(),
                        standalone.isPresent() ? OptionalInt.of(faults.brokerKills()) : OptionalInt.empty());
            }
        }
    }

    /** The gateway's user gets a password of its own; Shenzhen's token is its broker password, as in a deployment. */
    private StandaloneBroker standaloneBroker(int port, String shenzhenToken) {
        return new StandaloneBroker(settings.artemisHome(), settings.brokerConfig(), settings.runDirectory(), port,
                "drill-gateway", "drill-gateway-" + UUID.randomUUID(), queuePartnerTokens(shenzhenToken));
    }

    /** A broker password for each queue partner configure.sh sets up, Shenzhen's being the one given. */
    static Map<String, String> queuePartnerTokens(String shenzhenToken) {
        Map<String, String> tokens = new TreeMap<>();
        QUEUE_PARTNERS.forEach(code -> tokens.put(code, "drill-" + code.toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID()));
        tokens.put("SZ", shenzhenToken);
        return tokens;
    }

    private List<String> gatewayArguments(LedgerDatabase ledger, int httpPort, DrillBroker broker,
            ShanghaiReceiver shanghai, String shenzhenToken, String shanghaiToken) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--exchange.simulator.enabled=false",
                "--exchange.simulator.base-url=" + shanghai.baseUrl(),
                "--exchange.partner-tokens.SZ=" + shenzhenToken,
                "--exchange.partner-tokens.SH=" + shanghaiToken,
                "--exchange.batch-root=" + settings.runDirectory().resolve("batch")));
        arguments.addAll(broker.gatewayArguments());
        arguments.addAll(ledger.gatewayArguments());
        arguments.addAll(settings.gatewayArgs());
        return arguments;
    }

    /** Fails at once, rather than after the load timeout, when Shenzhen has no broker port to connect to. */
    private void requireBrokerAcceptor(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker does not listen on 127.0.0.1:" + port
                            + ": Shenzhen cannot connect over TCP", e);
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Waits until both receivers hold every acknowledged complaint, then until the ledger has no inbound message still
     * waiting (a delivery the receiver took but the ledger did not record is sent again, and settles), or until the
     * drain timeout passes.
     */
    private void drain(Partners partners, LedgerProbe ledger) throws InterruptedException {
        event("load over; waiting up to " + settings.drainTimeout().toSeconds()
                + " s for every acknowledged complaint to be delivered and the ledger to settle");
        long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
        while (partners.undelivered() > 0) {
            if (System.nanoTime() > deadline) {
                event("drain timeout passed with " + partners.undelivered() + " acknowledged complaints undelivered");
                return;
            }
            Thread.sleep(500);
        }
        Set<String> waiting = partners.acknowledgedCases();
        event("every acknowledged complaint delivered; checking the ledger of " + waiting.size() + " cases");
        while (!(waiting = ledger.waiting(waiting)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                event("drain timeout passed with " + waiting.size() + " cases still waiting in the ledger");
                return;
            }
            Thread.sleep(1000);
        }
        // The gateway's own notices trail the complaints (the related-case sweep looks at cases after their intake,
        // and a link between two cases of one partner raises none): the sweep must have looked at every case, and no
        // partner may have anything waiting, for several sweeps in a row, before the gateway stops.
        int quietSeconds = 0;
        while (quietSeconds < QUIET_SECONDS) {
            if (System.nanoTime() > deadline) {
                event("drain timeout passed with " + ledger.backlog() + " of the gateway's own messages waiting and "
                        + ledger.uncheckedCases() + " cases not yet looked at for related cases");
                return;
            }
            quietSeconds = ledger.uncheckedCases() == 0 && ledger.backlog() == 0 ? quietSeconds + 1 : 0;
            Thread.sleep(1000);
        }
        event("ledger settled");
    }

    private String title(LedgerDatabase ledger) {
        return String.format(Locale.ROOT, "Crash drill %s: %d complaints at %.0f/s, %d x kill -9, Shanghai down %d s,"
                        + " %s, %s broker, seed %d", run, settings.complaints(), settings.rate(), settings.kills(),
                settings.outage().toSeconds(), ledger.description().startsWith("H2") ? "H2 file" : "PostgreSQL",
                settings.externalBroker() ? "standalone" : "embedded", settings.seed());
    }

    private void event(String what) {
        double at = startedAt == 0 ? 0 : (System.nanoTime() - startedAt) / 1e9;
        out.printf(Locale.ROOT, "[drill %7.1f s] %s%n", at, what);
        out.flush();
    }
}
