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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
    private final Path instance;
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
        this.artemisHome = artemisHome;
        this.brokerConfig = brokerConfig;
        this.directory = directory;
        this.instance = directory.resolve("broker-instance");
        this.port = port;
        this.user = user;
        this.password = password;
        Map<String, String> variables = new ConcurrentHashMap<>();
        variables.put("ARTEMIS_USER", user);
        variables.put("ARTEMIS_PASSWORD", password);
        partnerTokens.forEach((code, token) -> variables.put(code + "_PARTNER_TOKEN", token));
        this.environment = Map.copyOf(variables);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "standalone Artemis " + instance;
    }

    /** Native mode against this broker, as docker-compose.yml runs the gateway; the embedded broker is off. */
    @Override
    public List<String> gatewayArguments() {
        return List.of(
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + port,
                "--spring.artemis.user=" + user,
                "--spring.artemis.password=" + password);
    }

    /** Creates the instance on the first start; configures it and runs it, and waits until its acceptor listens. */
    void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker is already running");
        }
        if (!Files.exists(instance.resolve("etc/broker.xml"))) {
            create();
        }
        run(List.of("/bin/sh", brokerConfig.resolve("configure.sh").toString(), instance.resolve("etc").toString()),
                directory.resolve("broker-configure.log"), CREATE_TIMEOUT);
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
        awaitListening(timeout);
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
        run(command, directory.resolve("broker-create.log"), CREATE_TIMEOUT);
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
        return directory.resolve("broker-" + start + ".log");
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
