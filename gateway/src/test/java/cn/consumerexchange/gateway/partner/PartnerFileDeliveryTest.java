package cn.consumerexchange.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.consumerexchange.gateway.Endpoints;

/** Deliveries to a batch-file partner, written through the partner's FILE endpoint into a real directory. */
class PartnerFileDeliveryTest {

    @TempDir
    Path out;

    CamelContext camel;
    ProducerTemplate producer;
    Partner partner;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
        partner = new Partner("HL", "SAMR-HL", "Heilongjiang", List.of("23"), "hlj-csv", Transport.FILE, "in",
                "results", out.toString(), null, true, null, null, null, null);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void aRepeatedDeliveryLeavesTheFileThereAndSucceeds() throws IOException {
        deliver("SAMR-SH_SH-1-abc.csv", "first attempt");
        deliver("SAMR-SH_SH-1-abc.csv", "second attempt");

        assertThat(Files.readString(out.resolve("SAMR-SH_SH-1-abc.csv"))).isEqualTo("first attempt");
        assertThat(names()).containsExactly("SAMR-SH_SH-1-abc.csv");
    }

    @Test
    void aFileHalfWrittenByADeadAttemptIsWrittenAgainWhole() throws IOException {
        Files.writeString(out.resolve(".writing-SAMR-SH_SH-2-abc.csv"), "half");

        deliver("SAMR-SH_SH-2-abc.csv", "whole");

        assertThat(Files.readString(out.resolve("SAMR-SH_SH-2-abc.csv"))).isEqualTo("whole");
        assertThat(names()).containsExactly("SAMR-SH_SH-2-abc.csv");
    }

    private void deliver(String fileName, String content) {
        producer.sendBodyAndHeaders(partner.deliveryUri(), content.getBytes(StandardCharsets.UTF_8),
                Map.of(Endpoints.FILE_NAME_HEADER, fileName));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
