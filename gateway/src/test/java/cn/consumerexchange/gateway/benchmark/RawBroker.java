package cn.consumerexchange.gateway.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link RawBrokerMain} in a JVM of its own, on the benchmark's class path, so that its CPU time is the broker's alone.
 * Its output goes to {@code raw-broker.log} in its directory; {@link #close()} terminates it.
 */
final class RawBroker implements AutoCloseable {

    private final Process process;
    private final int port;

    private RawBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker and waits until its acceptor takes connections. */
    static RawBroker start(Path directory, int port, Duration journalBufferTimeout, Duration timeout)
            throws IOException {
        Files.createDirectories(directory);
        // Surefire and failsafe hand a forked JVM its class path in this property; java.class.path may be a booter jar.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, RawBrokerMain.class.getName(),
                directory.resolve("data").toString(), Integer.toString(port),
                Long.toString(journalBufferTimeout.toNanos())))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("raw-broker.log").toFile())
                .start();
        RawBroker broker = new RawBroker(process, port);
        broker.awaitListening(timeout, directory.resolve("raw-broker.log"));
        return broker;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitListening(Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the raw broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the raw broker", interrupted);
                }
            }
        }
        process.destroyForcibly();
        throw new UncheckedIOException(new IOException("the raw broker did not listen on " + url() + " within "
                + timeout + "; see " + log));
    }
}
