package cn.consumerexchange.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import cn.consumerexchange.gateway.ExchangeProperties;

class BatchFilesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T04:05:06.789Z"), ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    final BatchFiles batchFiles = new BatchFiles(CLOCK, properties("20"));

    @Test
    void aFileIsKeptAndAnsweredUnderItsNameTheTimeItCameAndItsHash() throws IOException {
        // SHA-256 of "id\n1\n" starts with 7cde7fb6
        BatchAnswer answer = batchFiles.receive("batch.csv", write("batch.csv", "id\n1\n"));

        assertThat(answer.getResultName()).isEqualTo("batch.20261129T120506789-7cde7fb6.result.csv");
        assertThat(answer.getMovedName()).isEqualTo(".done/batch.20261129T120506789-7cde7fb6.csv");
        assertThat(answer.getCases()).hasSize(1);
    }

    @Test
    void aFileOverTheLimitIsAnsweredAsAWholeAndRejected() throws IOException {
        BatchAnswer answer = batchFiles.receive("big.csv", write("big.csv", "id\n" + "1\n".repeat(9)));

        assertThat(answer.getCases()).isEmpty();
        assertThat(answer.getMovedName()).startsWith(".rejected/big.20261129T120506789-").endsWith(".csv");
        assertThat(answer.lines()).containsExactly(ResultLine.fileTooLarge(21, 20));
    }

    @Test
    void aFileWithoutCasesIsAnsweredThatItHoldsNone() throws IOException {
        BatchAnswer answer = batchFiles.receive("empty.csv", write("empty.csv", ""));

        assertThat(answer.lines()).containsExactly(ResultLine.noCases());
        assertThat(answer.getMovedName()).startsWith(".done/");
    }

    private File write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8).toFile();
    }

    private static ExchangeProperties properties(String maxBatchFileBytes) {
        return new Binder(new MapConfigurationPropertySource(
                Map.of("exchange.max-batch-file-bytes", maxBatchFileBytes)))
                .bindOrCreate("exchange", ExchangeProperties.class);
    }
}
