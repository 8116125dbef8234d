package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone Artemis broker in a process of its own, set up as {@code docker-compose.yml} sets up its broker: an
 * instance made with {@code artemis create} from the distribution the build unpacked, then {@code deploy/artemis/
 * configure.sh} on every start, which copies the shipped {@code broker.xml} and writes the same users, roles and queues
 * from the same environment variables. So the drill tests the deployment's configuration, not a copy of it. The only
 * differences are the JVM's system properties {@code broker.xml} reads: its one acceptor on 127.0.0.1 and a free port.
 * No web console is installed.
 *
 * <p>A kill is a SIGKILL of the broker's JVM; a restart runs the same instance, so its journal, and the duplicate ids
 * it has seen, survive. Every start writes its own log, {@code broker-<n>.log} in the run directory. No broker
 * outlives the drill: {@link #close()} stops it, and a JVM shutdown hook kills one a crashed test left behind.
 *
 * <p>One of a high-availability pair ({@link #ofPair}) has a name of its own ({@code primary}, {@code backup}) for its
 * instance directory and logs, the pair's {@code ARTEMIS_HA_*} settings for configure.sh, and its {@code data/} linked
 * to the store both share, as {@code deploy/artemis/entrypoint.sh} links it in docker-compose.ha.yml.
 */
final class StandaloneBroker implements DrillBroker {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Duration CREATE_TIMEOUT = Duration.ofMinutes(2);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(StandaloneBroker::killTree),
                "broker-process-reaper"));
    }

    private final Path artemisHome;
    private final Path brokerConfig;
    private final Path directory;
    private final String name;
    private final Path instance;
    private final Path sharedData;
    private final int port;
    private final String user;
    private final String password;
    private final Map<String, String> environment;
    private volatile Process process;
    private volatile int starts;

    /**
     * @param artemisHome   the unpacked Artemis distribution ({@code drill.artemis-home})
     * @param brokerConfig  {@code deploy/artemis}, holding {@code broker.xml} and {@code configure.sh}
     * @param directory     the run directory: the instance goes to {@code broker-instance/}, the logs beside it
     * @param port          the partners' acceptor's port on 127.0.0.1
     * @param user          the gateway's broker user (role {@code gateway})
     * @param password      its password
     * @param partnerTokens queue partners' passwords by partner code, as {@code <CODE>_PARTNER_TOKEN} for configure.sh
     */
    StandaloneBroker(Path artemisHome, Path brokerConfig, Path directory, int port, String user, String password,
            Map<String, String> partnerTokens) {
        this(artemisHome, brokerConfig, directory, "broker", port, user, password, partnerTokens, Map.of(), null);
    }

    private StandaloneBroker(Path artemisHome, Path brokerConfig, Path directory, String name, int port, String user,
            String password, Map<String, String> partnerTokens, Map<String, String> settings, Path sharedData) {
        this.artemisHome = artemisHome;
        this.brokerConfig = brokerConfig;
        this.directory = directory;
        this.name = name;
        this.instance = directory.resolve(name + "-instance");
        this.sharedData = sharedData;
        this.port = port;
        this.user = user;
        this.password = password;
        Map<String, String> variables = new ConcurrentHashMap<>(settings);
        variables.put("ARTEMIS_USER", user);
        variables.put("ARTEMIS_PASSWORD", password);
        partnerTokens.forEach((code, token) -> variables.put(code + "_PARTNER_TOKEN", token));
        this.environment = Map.copyOf(variables);
    }

    /**
     * One broker of a shared-store pair, as configure.sh sets it up with {@code ARTEMIS_HA_ROLE}: {@code role} is
     * {@code primary} or {@code backup}, {@code port} its acceptor's, {@code peerPort} the other's, {@code sharedData}
     * the store both use.
     */
    static StandaloneBroker ofPair(String role, Path artemisHome, Path brokerConfig, Path directory, int port,
            int peerPort, Path sharedData, String user, String password, Map<String, String> partnerTokens) {
        return new StandaloneBroker(artemisHome, brokerConfig, directory, role, port, user, password, partnerTokens,
                Map.of("ARTEMIS_HA_ROLE", role,
                        "ARTEMIS_HA_CONNECTOR", "tcp://127.0.0.1:" + port,
                        "ARTEMIS_HA_PEER", "tcp://127.0.0.1:" + peerPort),
                sharedData);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "standalone Artemis " + instance;
    }

    /** The URL of this broker for a client on this machine. */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Native mode against this broker, as docker-compose.yml runs the gateway; the embedded broker is off. */
    @Override
    public List<String> gatewayArguments() {
        return gatewayArguments(url());
    }

    /** The same, with another URL for this broker: a pair's failover URL naming both. */
    List<String> gatewayArguments(String brokerUrl) {
        return List.of(
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.artemis.user=" + user,
                "--spring.artemis.password=" + password);
    }

    /** Creates the instance on the first start; configures it and runs it, and waits until its acceptor listens. */
    void start(Duration timeout) {
        launch();
        awaitListening(timeout);
    }

    /**
     * Starts the backup of a pair and waits until it has announced itself to the active primary: from then on it takes
     * over when the primary dies. A passive backup opens no acceptor.
     */
    void startPassive(Duration timeout) {
        launch();
        awaitLog("AMQ221031", timeout);
    }

    /** Waits until this broker, a backup, has taken over and serves: its acceptor listens. */
    void awaitActive(Duration timeout) {
        awaitLog("AMQ221010", timeout);
        awaitListening(timeout);
    }

    /** Creates the instance unless it exists (and links its data to the shared store), configures it and runs it. */
    private void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is already running");
        }
        if (!Files.exists(instance.resolve("etc/broker.xml"))) {
            create();
            if (sharedData != null) {
                linkSharedData();
            }
        }
        run(List.of("/bin/sh", brokerConfig.resolve("configure.sh").toString(), instance.resolve("etc").toString()),
                directory.resolve(name + "-configure.log"), CREATE_TIMEOUT);
        try {
            process = new ProcessBuilder("/bin/sh", instance.resolve("bin/artemis").toString(), "run")
                    .directory(instance.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log(++starts).toFile())
                    .start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker in " + instance, e);
        }
    }

    private void linkSharedData() {
        try {
            Files.createDirectories(sharedData);
            Path data = instance.resolve("data");
            if (Files.isDirectory(data)) {
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
            Files.createSymbolicLink(data, sharedData);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + instance + "/data to " + sharedData, e);
        }
    }

    /** Waits for a message code (e.g. {@code AMQ221031}) in the log of this start. */
    private void awaitLog(String code, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see "
                        + log(starts));
            }
            try {
                if (Files.exists(log(starts)) && Files.readString(log(starts), StandardCharsets.UTF_8).contains(code)) {
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pause(250);
        }
        throw new IllegalStateException(code + " not logged by the broker within " + timeout + "; see "
                + log(starts));
    }

    /** The operating system's id of the broker's JVM (the script that started it waits for it), for the drill's log. */
    long pid() {
        return process.children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    /** SIGKILL of the broker's JVM (and of the script that started it, if it did not exec). */
    void kill() {
        Process dying = process;
        killTree(dying);
        waitFor(dying, Duration.ofSeconds(30));
        RUNNING.remove(dying);
    }

    /** SIGTERM, so the broker shuts down in order; SIGKILL if that takes more than a minute. */
    @Override
    public void close() {
        Process stopping = process;
        if (stopping == null || !stopping.isAlive()) {
            return;
        }
        stopping.descendants().forEach(ProcessHandle::destroy);
        stopping.destroy();
        if (!waitFor(stopping, Duration.ofSeconds(60))) {
            killTree(stopping);
            waitFor(stopping, Duration.ofSeconds(30));
        }
        RUNNING.remove(stopping);
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of("/bin/sh", artemisHome.resolve("bin/artemis").toString(),
                "create", "--silent", "--require-login", "--role", "gateway", "--user", user, "--password", password,
                "--no-web", "--no-autotune",
                "--java-options", "-Dexchange.acceptor.host=127.0.0.1 -Dexchange.acceptor.port=" + port,
                instance.toString()));
        if (!Files.isRegularFile(artemisHome.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution at " + artemisHome + " (drill.artemis-home): "
                    + "run the drill with -Pdrill, whose build unpacks it");
        }
        run(command, directory.resolve(name + "-create.log"), CREATE_TIMEOUT);
    }

    /** Runs a setup command to its end, with the broker's environment; fails with its output if it fails. */
    private void run(List<String> command, Path output, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process setup = builder.start();
            if (!waitFor(setup, timeout)) {
                killTree(setup);
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            if (setup.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + setup.exitValue() + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** The acceptor opens once the journal is loaded, so a broker that takes connections has its messages back. */
    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + " while starting;"
                        + " see " + log(starts));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                pause(250);
            }
        }
        throw new IllegalStateException("the broker did not listen on 127.0.0.1:" + port + " within " + timeout
                + "; see " + log(starts));
    }

    private Path log(int start) {
        return directory.resolve(name + "-" + start + ".log");
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
