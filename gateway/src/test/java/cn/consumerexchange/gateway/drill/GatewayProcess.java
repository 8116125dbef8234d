package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The packaged gateway running as a process of its own ({@code java -jar}), as it runs in production: a kill is a
 * real SIGKILL of a real JVM, with the broker journal and the database on disk. Every start writes its own log,
 * {@code gateway-<n>.log} in the run directory.
 *
 * <p>No gateway outlives the drill: {@link #close()} kills a process still running, and a JVM shutdown hook kills
 * any that a crashed test left behind.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "gateway-process-reaper"));
    }

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private volatile int starts;

    /**
     * @param jar         the packaged gateway
     * @param jvmArgs     JVM options, before {@code -jar}
     * @param arguments   the application's arguments, e.g. {@code --server.port=...}; must set that port
     * @param environment added to this process's environment
     * @param directory   working directory and home of the logs
     * @param httpPort    the port the gateway's HTTP server listens on, for the health check
     */
    public GatewayProcess(Path jar, List<String> jvmArgs, List<String> arguments, Map<String, String> environment,
            Path directory, int httpPort) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(jvmArgs);
        line.add("-jar");
        line.add(jar.toAbsolutePath().toString());
        line.addAll(arguments);
        this.command = List.copyOf(line);
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.httpPort = httpPort;
    }

    /** The operating system's id of the running gateway, for the drill's log. */
    long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** Starts the gateway and waits until {@code /actuator/health} says UP. */
    public void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the gateway is already running");
        }
        try {
            Files.createDirectories(directory);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log(++starts).toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            RUNNING.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        awaitHealthy(timeout);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() {
        Process dying = process;
        dying.destroyForcibly();
        waitFor(dying, Duration.ofSeconds(30));
        RUNNING.remove(dying);
    }

    /** SIGTERM, so Spring shuts down in order; SIGKILL if that takes longer than {@code timeout}. */
    public void stop(Duration timeout) {
        Process stopping = process;
        if (stopping == null) {
            return;
        }
        stopping.destroy();
        if (!waitFor(stopping, timeout)) {
            stopping.destroyForcibly();
            waitFor(stopping, Duration.ofSeconds(30));
        }
        RUNNING.remove(stopping);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    Path log(int start) {
        return directory.resolve("gateway-" + start + ".log");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with " + process.exitValue() + " while starting; "
                        + "last lines of " + log(starts) + ":\n" + tail(log(starts)));
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the gateway", e);
            }
            pause(250);
        }
        throw new IllegalStateException("the gateway was not healthy within " + timeout + "; last lines of "
                + log(starts) + ":\n" + tail(log(starts)));
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
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
