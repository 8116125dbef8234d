package cn.consumerexchange.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;

/**
 * Heilongjiang's batch files against the real file system: every line of a file answered in a result file of its own,
 * whatever the file holds (nothing, a header, bytes that are not UTF-8, more than the limit); then a status update
 * delivered to Heilongjiang as a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchFileTransportTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();
    static final Path ROOT = Path.of("target", "batch-test", UUID.randomUUID().toString()).toAbsolutePath();
    static final int MAX_BATCH_FILE_BYTES = 16_384;
    static final String RESULT_HEADER = "line,message_id,result,gateway_ref,error_codes,reasons";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.batch-root", ROOT::toString);
        registry.add("exchange.max-batch-file-bytes", () -> MAX_BATCH_FILE_BYTES);
    }

    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    PartnerAdapter csv;
    String run;
    String header;

    @BeforeEach
    void setUp() throws IOException {
        csv = adapters.forFormat("hlj-csv");
        run = UUID.randomUUID().toString().substring(0, 8);
        header = GatewayTestSupport.sample("hlj-csv/complaint-to-guangzhou.csv").lines().findFirst().orElseThrow();
        Files.createDirectories(ROOT.resolve("HL/in"));
    }

    @Test
    void batchIsAnsweredLineByLineAndDeliveriesArriveAsFiles() throws Exception {
        PARTNERS.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        String batch = String.join("\n", header, valid(1), withWrongCreditCode(2), valid(3)) + "\n";

        drop("batch-" + run + ".csv", batch.getBytes(StandardCharsets.UTF_8));

        List<String> result = resultLines(awaitResults("batch-" + run, 1).get(0));
        assertThat(result).hasSize(4);
        assertThat(result.get(0)).isEqualTo(RESULT_HEADER);
        assertThat(result.get(1)).startsWith("\"2\",\"HL-" + run + "-1\",\"ACCEPTED\",\"GW-");
        assertThat(result.get(2)).startsWith("\"3\",\"HL-" + run + "-2\",\"REJECTED\",\"\",\"INVALID_CREDIT_CODE\"")
                .contains("/ExchangeMessage/Complaint/Respondent/CreditCode");
        assertThat(result.get(3)).startsWith("\"4\",\"HL-" + run + "-3\",\"ACCEPTED\",\"GW-");
        // The file is moved once its route completes, just after its result is written.
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "batch-" + run).size() == 1);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PARTNERS.verify(2,
                postRequestedFor(urlEqualTo("/partners/SH/inbox")).withRequestBody(containing("HL-" + run))));

        String gatewayRef = cell(result.get(1), 3);
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);

        Path delivered = await().atMost(Duration.ofSeconds(15)).until(() -> deliveredMentioning(gatewayRef),
                found -> found != null);
        ExchangeMessage feedback = csv.toContract(Files.readAllBytes(delivered));
        assertThat(feedback.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(feedback.getStatusUpdate().getCaseRef()).isEqualTo(gatewayRef);
    }

    @Test
    void rejectedLastLinesAreAnswered() throws Exception {
        drop("last-" + run + ".csv", String.join("\n", header, valid(1), withWrongCreditCode(2), "COMPLAINT,\"unclosed")
                .getBytes(StandardCharsets.UTF_8));

        List<String> result = resultLines(awaitResults("last-" + run, 1).get(0));
        assertThat(result).hasSize(4);
        assertThat(result.get(1)).startsWith("\"2\",\"HL-" + run + "-1\",\"ACCEPTED\"");
        assertThat(result.get(2)).startsWith("\"3\",\"HL-" + run + "-2\",\"REJECTED\",\"\",\"INVALID_CREDIT_CODE\"");
        assertThat(result.get(3)).startsWith("\"4\",").contains("\"REJECTED\"");
    }

    @Test
    void aFileOfOneCaseWithoutAFinalLineBreakIsAnswered() throws Exception {
        drop("one-" + run + ".csv", (header + "\n" + valid(1)).getBytes(StandardCharsets.UTF_8));

        List<String> result = resultLines(awaitResults("one-" + run, 1).get(0));
        assertThat(result).hasSize(2);
        assertThat(result.get(1)).startsWith("\"2\",\"HL-" + run + "-1\",\"ACCEPTED\",\"GW-");
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "one-" + run).size() == 1);
    }

    @Test
    void crlfLinesAfterAByteOrderMarkAreRead() throws Exception {
        drop("crlf-" + run + ".csv", ("\uFEFF" + header + "\r\n" + valid(1) + "\r\n\r\n" + valid(2) + "\r\n")
                .getBytes(StandardCharsets.UTF_8));

        List<String> result = resultLines(awaitResults("crlf-" + run, 1).get(0));
        assertThat(result).hasSize(3);
        assertThat(result.get(1)).startsWith("\"2\",\"HL-" + run + "-1\",\"ACCEPTED\",\"GW-");
        assertThat(result.get(2)).startsWith("\"4\",\"HL-" + run + "-2\",\"ACCEPTED\",\"GW-");
    }

    @Test
    void aHeaderOnlyFileIsAnsweredThatItHoldsNoCases() throws Exception {
        drop("header-" + run + ".csv", (header + "\n").getBytes(StandardCharsets.UTF_8));

        List<String> result = resultLines(awaitResults("header-" + run, 1).get(0));
        assertThat(result).containsExactly(RESULT_HEADER, "\"\",\"\",\"NO_CASES\",\"\",\"\",\"The file holds no cases\"");
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "header-" + run).size() == 1);
    }

    @Test
    void anEmptyFileIsAnsweredAndMoved() throws Exception {
        drop("empty-" + run + ".csv", new byte[0]);

        List<String> result = resultLines(awaitResults("empty-" + run, 1).get(0));
        assertThat(result).containsExactly(RESULT_HEADER, "\"\",\"\",\"NO_CASES\",\"\",\"\",\"The file holds no cases\"");
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "empty-" + run).size() == 1);
        assertThat(ROOT.resolve("HL/in/empty-" + run + ".csv")).doesNotExist();
    }

    @Test
    void twoFilesOfOneNameGetAResultFileEachAndTheSecondIsAnsweredAsBefore() throws Exception {
        byte[] batch = (header + "\n" + valid(1) + "\n").getBytes(StandardCharsets.UTF_8);
        drop("twice-" + run + ".csv", batch);
        awaitResults("twice-" + run, 1);
        // The result is written before the consumer moves the file out of the inbound directory.
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "twice-" + run).size() == 1);
        drop("twice-" + run + ".csv", batch);

        List<Path> results = awaitResults("twice-" + run, 2);
        String sha8 = sha256(batch).substring(0, 8);
        assertThat(results).allSatisfy(file -> assertThat(file.getFileName().toString())
                .matches(Pattern.quote("twice-" + run) + "\\.\\d{8}T\\d{9}-" + sha8 + "\\.result\\.csv"));
        assertThat(resultLines(results.get(1))).isEqualTo(resultLines(results.get(0)));
        await().atMost(Duration.ofSeconds(15)).until(() -> moved(".done", "twice-" + run).size() == 2);
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedAndItsOriginalBytesKept() throws Exception {
        byte[] notUtf8 = valid(2).getBytes(StandardCharsets.UTF_8);
        int multiByteStart = indexOfLeadByte(notUtf8);
        notUtf8[multiByteStart] = (byte) 0xFF;
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.writeBytes((header + "\n" + valid(1) + "\n").getBytes(StandardCharsets.UTF_8));
        batch.writeBytes(notUtf8);
        batch.write('\n');

        drop("bytes-" + run + ".csv", batch.toByteArray());

        List<String> result = resultLines(awaitResults("bytes-" + run, 1).get(0));
        assertThat(result).hasSize(3);
        assertThat(result.get(1)).startsWith("\"2\",\"HL-" + run + "-1\",\"ACCEPTED\"");
        assertThat(result.get(2)).startsWith("\"3\",").contains("\"REJECTED\"");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(notUtf8);
        expected.write('\n');
        assertThat(storedPayloads(sha256(expected.toByteArray()))).singleElement().isEqualTo(expected.toByteArray());
    }

    @Test
    void aFileOverTheLimitIsRejectedUnreadAndKept() throws Exception {
        StringBuilder batch = new StringBuilder(header).append('\n');
        while (batch.length() <= MAX_BATCH_FILE_BYTES) {
            batch.append(valid(batch.length())).append('\n');
        }
        byte[] content = batch.toString().getBytes(StandardCharsets.UTF_8);

        drop("large-" + run + ".csv", content);

        List<String> result = resultLines(awaitResults("large-" + run, 1).get(0));
        assertThat(result).containsExactly(RESULT_HEADER, "\"\",\"\",\"REJECTED\",\"\",\"DOCUMENT_TOO_LARGE\",\"The file has "
                + content.length + " bytes; the limit is " + MAX_BATCH_FILE_BYTES + "\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> moved(".rejected", "large-" + run).size() == 1);
        assertThat(Files.readAllBytes(moved(".rejected", "large-" + run).get(0))).isEqualTo(content);
        assertThat(jdbc.sql("select count(*) from ledger_message where message_id like ?").param("HL-" + run + "%")
                .query(Integer.class).single()).isZero();
    }

    private String valid(int n) {
        return line(csv.toNative(SampleCases.complaint("SAMR-HL", "310115", "HL-" + run + "-" + n,
                "HLC-" + run + "-" + n)));
    }

    private String withWrongCreditCode(int n) {
        ExchangeMessage invalid = SampleCases.complaint("SAMR-HL", "310115", "HL-" + run + "-" + n,
                "HLC-" + run + "-" + n);
        String code = invalid.getComplaint().getRespondent().getCreditCode();
        invalid.getComplaint().getRespondent().setCreditCode(code.substring(0, 17) + (code.endsWith("0") ? "1" : "0"));
        return line(csv.toNative(invalid));
    }

    /** The one data line hlj-csv writes for a message. */
    private static String line(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    /** Writes the file beside the inbound directory and moves it in, as a partner should. */
    private static void drop(String name, byte[] content) throws IOException {
        Path staging = Files.write(ROOT.resolve("HL/" + name + ".tmp"), content);
        Files.move(staging, ROOT.resolve("HL/in/" + name));
    }

    /** The result files answering input files of this name (without {@code .csv}), oldest first. */
    private static List<Path> awaitResults(String stem, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> listed(ROOT.resolve("HL/results"), stem, ".result.csv"),
                files -> files.size() == count);
    }

    private static List<Path> moved(String folder, String stem) throws IOException {
        return listed(ROOT.resolve("HL/in").resolve(folder), stem, ".csv");
    }

    private static List<Path> listed(Path dir, String stem, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith(stem + "."))
                    .filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<String> resultLines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The value of a result line's cell, for cells without commas. */
    private static String cell(String line, int index) {
        return line.split(",")[index].replace("\"", "");
    }

    private static int indexOfLeadByte(byte[] utf8) {
        for (int i = 0; i < utf8.length; i++) {
            if ((utf8[i] & 0xF0) == 0xE0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no three-byte character in the line");
    }

    private List<byte[]> storedPayloads(String sha256) {
        return jdbc.sql("select payload from quarantined_input where payload_sha256 = ?"
                + " union all select payload from ledger_message where payload_sha256 = ?")
                .params(sha256, sha256).query(byte[].class).list();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Path deliveredMentioning(String marker) throws IOException {
        Path out = ROOT.resolve("HL/out");
        if (!Files.isDirectory(out)) {
            return null;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> read(file).contains(marker)).findFirst().orElse(null);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
