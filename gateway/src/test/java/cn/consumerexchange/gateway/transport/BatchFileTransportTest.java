package cn.consumerexchange.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Heilongjiang's batch files against the real file system: one file of three cases, one of them invalid, answered
 * line by line in a result file; then a status update for one of them delivered to Heilongjiang as a file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchFileTransportTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();
    static final Path ROOT = Path.of("target", "batch-test", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.batch-root", ROOT::toString);
    }

    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TestRestTemplate http;

    @Test
    void batchIsAnsweredLineByLineAndDeliveriesArriveAsFiles() throws Exception {
        PARTNERS.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        PartnerAdapter csv = adapters.forFormat("hlj-csv");
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExchangeMessage invalid = SampleCases.complaint("SAMR-HL", "310115", "HL-" + run + "-2",
                "HLC-" + run + "-2");
        String code = invalid.getComplaint().getRespondent().getCreditCode();
        invalid.getComplaint().getRespondent().setCreditCode(code.substring(0, 17) + (code.endsWith("0") ? "1" : "0"));
        String header = lines(GatewayTestSupport.sample("hlj-csv/complaint-to-guangzhou.csv").getBytes(
                StandardCharsets.UTF_8)).get(0);
        String batch = String.join("\n", header,
                line(csv.toNative(SampleCases.complaint("SAMR-HL", "310115", "HL-" + run + "-1",
                        "HLC-" + run + "-1"))),
                line(csv.toNative(invalid)),
                line(csv.toNative(SampleCases.complaint("SAMR-HL", "310115", "HL-" + run + "-3",
                        "HLC-" + run + "-3")))) + "\n";

        Files.createDirectories(ROOT.resolve("HL/in"));
        Path staging = Files.writeString(ROOT.resolve("HL/batch-" + run + ".csv.tmp"), batch);
        Files.move(staging, ROOT.resolve("HL/in/batch-" + run + ".csv"));

        Path resultFile = ROOT.resolve("HL/results/batch-" + run + ".result.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(resultFile));
        List<String> result = Files.readAllLines(resultFile, StandardCharsets.UTF_8);
        assertThat(result.get(0)).isEqualTo("line,message_id,result,gateway_ref,error_codes,reasons");
        assertThat(result).hasSize(4);
        assertThat(result.get(1)).startsWith("2,\"HL-" + run + "-1\",ACCEPTED,\"GW-");
        assertThat(result.get(2)).startsWith("3,\"HL-" + run + "-2\",REJECTED,,\"INVALID_CREDIT_CODE\"")
                .contains("/ExchangeMessage/Complaint/Respondent/CreditCode");
        assertThat(result.get(3)).startsWith("4,\"HL-" + run + "-3\",ACCEPTED,\"GW-");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(ROOT.resolve("HL/in/.done/batch-" + run + ".csv")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PARTNERS.verify(2,
                postRequestedFor(urlEqualTo("/partners/SH/inbox")).withRequestBody(containing("HL-" + run))));

        String gatewayRef = result.get(1).split(",")[3].replace("\"", "");
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);

        Path delivered = await().atMost(Duration.ofSeconds(15)).until(() -> deliveredMentioning(gatewayRef),
                found -> found != null);
        ExchangeMessage feedback = csv.toContract(Files.readAllBytes(delivered));
        assertThat(feedback.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(feedback.getStatusUpdate().getCaseRef()).isEqualTo(gatewayRef);
    }

    private static List<String> lines(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().toList();
    }

    /** The one data line hlj-csv writes for a message. */
    private static String line(byte[] csv) {
        return lines(csv).get(0);
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
