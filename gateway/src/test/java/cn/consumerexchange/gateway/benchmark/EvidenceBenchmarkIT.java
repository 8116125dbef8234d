package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;

import cn.consumerexchange.gateway.drill.GatewayProcess;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinkSettings;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * One evidence file of 1 GiB through the packaged gateway started with its heap capped at 256 MiB: uploaded over HTTP
 * as Shenzhen, downloaded through a receiver's link as Shanghai, its SHA-256 checked, and both rates printed beside a
 * plain {@code Files.copy} of the same file on the same disk. Run with
 * {@code mvn -q -pl gateway verify -Pbenchmark -Dit.test=EvidenceBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbenchmark.evidence-mib=N} sets the size.
 */
@Tag("benchmark")
class EvidenceBenchmarkIT {

    static final long MIB = 1024 * 1024;
    static final long SIZE = Long.getLong("benchmark.evidence-mib", 1024) * MIB;
    static final String HEAP_CAP = "-Xmx256m";
    static final String SZ_TOKEN = "benchmark-sz-token";
    static final String LINK_KEY = "benchmark-link-key";

    @Test
    void oneGibibyteThroughAGatewayWithASmallHeapBesideADiskCopy() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path directory = Path.of("target", "benchmark", "evidence-" + run).toAbsolutePath();
        Files.createDirectories(directory);
        Path source = directory.resolve("evidence.bin");
        String sha256 = writeRandomFile(source, SIZE);

        Path copy = directory.resolve("copy.bin");
        long copyNanos = timed(() -> Files.copy(source, copy));
        Files.delete(copy);

        int port = TestSocketUtils.findAvailableTcpPort();
        List<String> arguments = List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.artemis.embedded.data-directory=" + directory.resolve("broker"),
                "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("ledger")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "--exchange.broker.tcp-host=127.0.0.1",
                "--exchange.broker.tcp-port=" + TestSocketUtils.findAvailableTcpPort(),
                "--exchange.simulator.enabled=false",
                "--exchange.partner-tokens.SZ=" + SZ_TOKEN,
                "--exchange.batch-root=" + directory.resolve("batch"),
                "--exchange.evidence.root=" + directory.resolve("evidence"),
                "--exchange.links.key=" + LINK_KEY,
                "--logging.level.org.apache.camel=WARN");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (GatewayProcess gateway = new GatewayProcess(Path.of(System.getProperty("gateway.jar")),
                List.of(HEAP_CAP, "-XX:+ExitOnOutOfMemoryError"), arguments, Map.of(), directory, port)) {
            gateway.start(Duration.ofMinutes(3));

            AtomicReference<HttpResponse<String>> uploaded = new AtomicReference<>();
            long uploadNanos = timed(() -> uploaded.set(http.send(
                    HttpRequest.newBuilder(gateway.uri("/api/partners/SZ/evidence/" + sha256))
                            .header("X-Partner-Token", SZ_TOKEN).header("Content-Type", "application/octet-stream")
                            .PUT(HttpRequest.BodyPublishers.ofFile(source)).build(),
                    HttpResponse.BodyHandlers.ofString())));
            assertThat(uploaded.get().statusCode()).as(uploaded.get().body()).isEqualTo(201);

            // The link a manifest delivered to Shanghai would carry, signed with the gateway's key.
            String link = new ReceiverLinks(new ReceiverLinkSettings("http://127.0.0.1:" + port, LINK_KEY),
                    Clock.systemUTC()).linkFor("SH", Duration.ofHours(1), "evidence", sha256);
            Path downloaded = directory.resolve("downloaded.bin");
            AtomicReference<HttpResponse<Path>> download = new AtomicReference<>();
            long downloadNanos = timed(() -> download.set(http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofFile(downloaded))));
            assertThat(download.get().statusCode()).isEqualTo(200);
            assertThat(gateway.isAlive()).as("the gateway survived with " + HEAP_CAP).isTrue();
            assertThat(Files.size(downloaded)).isEqualTo(SIZE);
            assertThat(sha256Of(downloaded)).as("SHA-256 of the downloaded file").isEqualTo(sha256);

            double copyRate = rate(copyNanos);
            double uploadRate = rate(uploadNanos);
            double downloadRate = rate(downloadNanos);
            System.out.printf(Locale.ROOT, "%nEvidence, %d MiB, gateway %s (packaged jar, embedded defaults)%n",
                    SIZE / MIB, HEAP_CAP);
            System.out.printf(Locale.ROOT, "  disk copy (Files.copy)  %8.1f MiB/s%n", copyRate);
            System.out.printf(Locale.ROOT, "  HTTP upload, stored     %8.1f MiB/s  (%.2f of the disk copy)%n",
                    uploadRate, uploadRate / copyRate);
            System.out.printf(Locale.ROOT, "  HTTP download, checked  %8.1f MiB/s  (%.2f of the disk copy)%n%n",
                    downloadRate, downloadRate / copyRate);
            gateway.stop(Duration.ofSeconds(60));
        } finally {
            // Three copies of a gibibyte would outlast the run on the build machine's disk otherwise.
            for (String file : List.of("evidence.bin", "downloaded.bin")) {
                Files.deleteIfExists(directory.resolve(file));
            }
            FileSystemUtils.deleteRecursively(directory.resolve("evidence"));
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return System.nanoTime() - start;
    }

    private static double rate(long nanos) {
        return (SIZE / (double) MIB) / (nanos / 1e9);
    }

    /** Random bytes (nothing a disk or a link could compress), written in 1 MiB chunks; returns their SHA-256. */
    private static String writeRandomFile(Path file, long size) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        Random random = new Random(42);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return Sha256.hex(digest);
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[(int) MIB];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return Sha256.hex(digest);
    }
}
