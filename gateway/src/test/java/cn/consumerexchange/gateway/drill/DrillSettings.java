package cn.consumerexchange.gateway.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How big and how rough a crash drill is. Two scales: the short drill that runs in every {@code mvn verify} (a few
 * hundred complaints, a 15-second outage of Shanghai, under three minutes on two cores), and the full drill of the
 * {@code drill} profile (10,000 complaints, a three-minute outage). Each value can be set with a system property,
 * which Maven passes on from the command line, e.g. {@code -Ddrill.complaints=2000}.
 *
 * @param complaints      complaints in all, half from Shenzhen over JMS and half from Shanghai over HTTP
 * @param rate            complaints offered per second, both senders together
 * @param kills           how many times the gateway is killed with SIGKILL during the load, at least two
 * @param outage          how long Shanghai's endpoint is down: refusing connections for the first half, answering
 *                        503 for the second
 * @param loadTimeout     how long the senders may take to get every complaint answered, outages included
 * @param drainTimeout    how long to wait after the load for every acknowledged complaint to be delivered
 * @param database        {@code h2} (a file under the run directory) or {@code postgres} (127.0.0.1:5432, a fresh
 *                        schema per run)
 * @param jar             the packaged gateway, set by the failsafe configuration
 * @param runDirectory    where this run keeps the broker journal, the H2 database and the gateway's logs
 * @param gatewayJvmArgs  extra JVM options for the gateway process; the short drill's run with C1 only
 * @param gatewayArgs     extra application arguments for the gateway; the short drill shortens the delivery lease,
 *                        the dispatch grace, the back-off and the circuit breaker's open wait so that a crashed
 *                        attempt and the outage heal within its drain timeout; the full drill keeps the defaults
 * @param brokerPort      the broker's TCP port ({@code exchange.broker.tcp-port}); 0 picks a free one
 * @param broker          {@code embedded}: the gateway's own broker, killed with it; or {@code external}: a standalone
 *                        Artemis of the drill's, set up with {@code deploy/artemis}, which the gateway uses in native
 *                        mode and the drill also kills once and restarts
 * @param artemisHome     the Artemis distribution the {@code drill} profile unpacks, for {@code external}
 * @param brokerConfig    {@code deploy/artemis} ({@code broker.xml}, {@code configure.sh}), for {@code external}
 * @param seed            seed of the random kill moments, printed so that a run can be repeated
 */
record DrillSettings(
        int complaints,
        double rate,
        int kills,
        Duration outage,
        Duration loadTimeout,
        Duration drainTimeout,
        String database,
        Path jar,
        Path runDirectory,
        List<String> gatewayJvmArgs,
        List<String> gatewayArgs,
        int brokerPort,
        String broker,
        Path artemisHome,
        Path brokerConfig,
        long seed) {

    static final String JAR_PROPERTY = "gateway.jar";

    /**
     * The lease is longer than an HTTP attempt can take (5 s to connect, 10 s for the answer here), so no live claim is
     * taken over.
     */
    private static final String SHORT_GATEWAY_ARGS = "--exchange.delivery.lease=20s"
            + " --camel.component.http.response-timeout=10000 --exchange.delivery.dispatch-grace=10s --exchange.delivery.max-backoff=10s"
            + " --exchange.delivery.circuit.open-wait=10s";

    /** C1 only: the short drill's gateway starts three times on a machine busy with the build, and runs briefly. */
    private static final String SHORT_GATEWAY_JVM_ARGS = "-XX:TieredStopAtLevel=1";

    DrillSettings {
        if (kills < 2) {
            throw new IllegalArgumentException("a crash drill kills the gateway at least twice, not " + kills);
        }
        if (!database.equals("h2") && !database.equals("postgres")) {
            throw new IllegalArgumentException("drill.database is h2 or postgres, not " + database);
        }
        if (!broker.equals("embedded") && !broker.equals("external")) {
            throw new IllegalArgumentException("drill.broker is embedded or external, not " + broker);
        }
    }

    /** The scale named by {@code drill.mode} ({@code short}, the default, or {@code full}), then any overrides. */
    static DrillSettings fromSystemProperties(String runName) {
        boolean full = "full".equals(System.getProperty("drill.mode", "short"));
        long seed = Long.getLong("drill.seed", System.nanoTime());
        return new DrillSettings(
                Integer.getInteger("drill.complaints", full ? 10_000 : 300),
                Double.parseDouble(System.getProperty("drill.rate", full ? "40" : "10")),
                Integer.getInteger("drill.kills", full ? 3 : 2),
                duration("drill.outage", full ? "180s" : "15s"),
                duration("drill.load-timeout", full ? "1800s" : "150s"),
                duration("drill.drain-timeout", full ? "900s" : "60s"),
                System.getProperty("drill.database", "h2"),
                packagedJar(),
                Path.of("target", "drill", runName).toAbsolutePath(),
                words(System.getProperty("drill.gateway.jvm-args", full ? "" : SHORT_GATEWAY_JVM_ARGS)),
                words(System.getProperty("drill.gateway.args", full ? "" : SHORT_GATEWAY_ARGS)),
                Integer.getInteger("drill.broker-port", 0),
                System.getProperty("drill.broker", "embedded"),
                Path.of(System.getProperty("drill.artemis-home", "target/apache-artemis-2.40.0")).toAbsolutePath(),
                Path.of(System.getProperty("drill.broker-config", "../deploy/artemis")).toAbsolutePath().normalize(),
                seed);
    }

    /** The packaged jar named by the build; a test run from an IDE points at it with {@code -Dgateway.jar=...}. */
    static Path packagedJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("-D" + JAR_PROPERTY + " names the packaged gateway; the failsafe plugin"
                    + " sets it, run with mvn verify");
        }
        return Path.of(jar);
    }

    boolean externalBroker() {
        return broker.equals("external");
    }

    int shenzhenComplaints() {
        return complaints / 2;
    }

    int shanghaiComplaints() {
        return complaints - shenzhenComplaints();
    }

    private static List<String> words(String line) {
        return Arrays.stream(line.split("\\s+")).filter(word -> !word.isBlank()).toList();
    }

    private static Duration duration(String property, String fallback) {
        String value = System.getProperty(property, fallback).trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
