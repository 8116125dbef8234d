package cn.consumerexchange.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.consumerexchange.gateway.hostile.HostileCorpus.HostileCase;

/**
 * Every hostile hlj-csv input as a batch file of its own in Heilongjiang's drop directory, answered by a line of the
 * result file. The files are dropped together, as the file poller takes its time over each.
 */
class HostileFileDropTest extends AbstractHostileIntakeTest {

    static final String FORMAT = "hlj-csv";
    static final String PARTNER = "HL";
    /** For all the files together: the poller waits for a file to stop changing before it reads it. */
    static final Duration ALL_ANSWERED_WITHIN = Duration.ofSeconds(45);

    final Map<HostileCase, Drop> drops = new HashMap<>();
    Instant deadline;

    /** A dropped input; its result file is named after it, with the time it was received and its hash. */
    record Drop(String messageId, byte[] input, int quarantinedBefore, Path results, String name) {

        Optional<Path> resultFile() throws IOException {
            try (Stream<Path> files = Files.list(results)) {
                return files.filter(file -> file.getFileName().toString().startsWith(name + ".")
                        && file.getFileName().toString().endsWith(".result.csv")).findFirst();
            }
        }
    }

    static List<HostileCase> inputs() {
        return HostileCorpus.of(FORMAT);
    }

    @BeforeAll
    void dropEveryInput() throws IOException {
        Path in = Files.createDirectories(BATCH_ROOT.resolve(PARTNER).resolve("in"));
        Path staging = Files.createDirectories(BATCH_ROOT.resolve(PARTNER).resolve("staging"));
        for (HostileCase hostile : inputs()) {
            String messageId = messageId("F", hostile);
            byte[] input = hostile.render(messageId, nonce());
            String name = "hostile-" + RUN + "-" + hostile.name();
            Drop drop = new Drop(messageId, input, quarantinedCopies(PARTNER, input),
                    Files.createDirectories(BATCH_ROOT.resolve(PARTNER).resolve("results")), name);
            drops.put(hostile, drop);
            Files.move(Files.write(staging.resolve(name + ".csv"), input), in.resolve(name + ".csv"));
        }
        deadline = Instant.now().plus(ALL_ANSWERED_WITHIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void inputIsAnsweredWithItsCodeKeptAndTheGatewayStaysUp(HostileCase hostile) throws Exception {
        Drop drop = drops.get(hostile);

        Duration left = Duration.between(Instant.now(), deadline);
        Awaitility.await().atMost(left.isNegative() ? Duration.ofSeconds(1) : left)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> drop.resultFile().isPresent());

        String result = Files.readString(drop.resultFile().orElseThrow(), StandardCharsets.UTF_8);
        List<CSVRecord> lines = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result)).getRecords();
        assertThat(lines).as("one result line: %s", result).hasSize(1);
        if (drop.input().length == 0) {
            // An empty file is a batch without cases, not a message: answered so, and kept where it was moved.
            assertThat(lines.get(0).get("result")).isEqualTo("NO_CASES");
            assertHealthUp();
            return;
        }
        assertAnswered(hostile, NativeAnswer.resultLine(lines.get(0), result));
        assertKept(PARTNER, hostile, drop.messageId(), drop.input(), drop.quarantinedBefore());
        assertHealthUp();
    }
}
