package cn.consumerexchange.gateway.recognition;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;
import cn.consumerexchange.gateway.transfer.Sha256;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;

/**
 * Shenzhen signs its complaints with SM2 (its certificate registered in its descriptor), as a detached JWS or as an
 * XML Signature enveloped in its gba-xml; Heilongjiang signs the cases of its batch files with RSA. Shanghai, on HTTP,
 * receives each with the gateway's verdict, the signature as sent and a link to the signed original, which it can
 * verify with the sender's certificate itself. The built-in formats carry no mediation result to an HTTP or JMS
 * receiver yet, so complaints and status updates stand in for them here ({@code exchange.recognition.message-types}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedMessageFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final SigningAuthority SHENZHEN = SigningAuthority.of(JwsAlgorithm.SM2SM3);
    static final SigningAuthority HEILONGJIANG = SigningAuthority.of(JwsAlgorithm.RS256);
    static final Path LOCATION = partnerLocation();
    static final Path BATCH = LOCATION.resolve("batch");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-locations", () -> LOCATION.toUri().toString());
        registry.add("exchange.recognition.message-types", () -> "COMPLAINT,STATUS_UPDATE");
        registry.add("exchange.batch-root", BATCH::toString);
    }

    /** Shenzhen and Shanghai as the seeds describe them, Shenzhen with its certificate beside the descriptor. */
    static Path partnerLocation() {
        try {
            Path location = Files.createDirectories(Path.of("target/test-recognition", UUID.randomUUID().toString()));
            Files.createDirectories(location.resolve("partners"));
            Files.createDirectories(location.resolve("certificates"));
            Files.writeString(location.resolve("certificates/sz.pem"), SigningAuthority.pem(SHENZHEN.certificate()));
            Files.writeString(location.resolve("certificates/hl.pem"),
                    SigningAuthority.pem(HEILONGJIANG.certificate()));
            Files.writeString(location.resolve("partners/partners.json"), """
                    [
                      {"code": "SZ", "authority": "SAMR-GD-SZ", "name": "深圳", "divisions": ["440300"],
                       "format": "gba-xml", "transport": "JMS", "inbound": "partner.SZ.inbound",
                       "replies": "partner.SZ.replies", "outbound": "partner.SZ.outbound",
                       "credentialsRef": "exchange.partner-tokens.SZ", "enabled": true,
                       "certificate": "certificates/sz.pem"},
                      {"code": "HL", "authority": "SAMR-HL", "name": "黑龙江", "divisions": ["230000"],
                       "format": "hlj-csv", "transport": "FILE", "inbound": "${exchange.batch-root}/HL/in",
                       "replies": "${exchange.batch-root}/HL/results", "outbound": "${exchange.batch-root}/HL/out",
                       "credentialsRef": "exchange.partner-tokens.HL", "enabled": true,
                       "certificate": "certificates/hl.pem"},
                      {"code": "SH", "authority": "SAMR-SH", "name": "上海", "divisions": ["310000"],
                       "format": "yrd-json", "transport": "HTTP",
                       "outbound": "${exchange.simulator.base-url}/partners/SH/inbox",
                       "credentialsRef": "exchange.partner-tokens.SH", "enabled": true}
                    ]""");
            return location.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    AdapterCatalog adapters;

    @BeforeEach
    void setUp() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        jms.setReceiveTimeout(15_000);
    }

    @Test
    void signedComplaintIsVerifiedAndReachesTheReceiverWithItsSignature() {
        String messageId = newMessageId();
        byte[] complaint = complaint(messageId);
        String signature = SHENZHEN.sign(complaint);

        assertThat(postAsShenzhen(complaint, signature).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertThat(verdictOf(messageId)).isEqualTo("VERIFIED");
        awaitDelivery(messageId, "VERIFIED", signature);
    }

    @Test
    void forgedComplaintIsDeliveredMarkedInvalidNotRefused() {
        String messageId = newMessageId();
        byte[] complaint = complaint(messageId);
        String signedOtherContent = SHENZHEN.sign(complaint(newMessageId()));

        assertThat(postAsShenzhen(complaint, signedOtherContent).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        assertThat(verdictOf(messageId)).isEqualTo("INVALID");
        awaitDelivery(messageId, "INVALID", signedOtherContent);
    }

    @Test
    void signatureComesAlongAQueueAndAnUnsignedAnswerGoesBackMarkedUnsigned() throws Exception {
        String messageId = newMessageId();
        byte[] complaint = complaint(messageId);
        String signature = SHENZHEN.sign(complaint);

        jms.send("partner.SZ.inbound", session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(complaint);
            message.setStringProperty(Recognition.JMS_SIGNATURE, signature);
            return message;
        });

        awaitDelivery(messageId, "VERIFIED", signature);
        Message answer = jms.receive("partner.SZ.replies");
        assertThat(answer).isNotNull();
        assertThat(answer.propertyExists(Recognition.JMS_SIGNATURE)).as("the signature is not echoed").isFalse();

        String gatewayRef = jdbc.sql("select gateway_ref from ledger_message where direction = 'IN' and message_id = ?")
                .param(messageId).query(String.class).single();
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);
        Message status = jms.receive("partner.SZ.outbound");
        assertThat(status).isNotNull();
        assertThat(status.getStringProperty(Recognition.JMS_VERDICT)).isEqualTo("UNSIGNED");
        assertThat(status.propertyExists(Recognition.JMS_SIGNATURE)).isFalse();
        byte[] original = Base64.getDecoder().decode(status.getStringProperty(Recognition.QUEUE_ORIGINAL));
        assertThat(Sha256.hex(original)).isEqualTo(status.getStringProperty(Recognition.QUEUE_ORIGINAL_SHA256));
        assertThat(new String(original, StandardCharsets.UTF_8)).as("Shanghai's own JSON, as it sent it")
                .contains(gatewayRef).doesNotContain("<gba-message");
    }

    @Test
    void xmlSignedComplaintOverAQueueReachesTheReceiverWithItsSignedOriginal() {
        String messageId = newMessageId();
        byte[] signed = SHENZHEN.signXml(complaint(messageId));

        sendAsShenzhen(signed);

        awaitDelivery(messageId, "VERIFIED", null);
        LoggedRequest delivered = deliveryOf(messageId);
        assertThat(delivered.getHeader(Recognition.HTTP_ORIGINAL_SHA256)).isEqualTo(Sha256.hex(signed));
        byte[] original = fetchOriginal(delivered);
        assertThat(original).isEqualTo(signed);
        assertThat(new SignatureVerifier().verifyEnveloped(original, Optional.of(SHENZHEN.registered()),
                Instant.now()).outcome()).as("the receiver verifies the original itself").isEqualTo(Outcome.VERIFIED);
    }

    @Test
    void xmlDocumentEditedAfterSigningIsDeliveredInvalid() {
        String messageId = newMessageId();
        byte[] edited = new String(SHENZHEN.signXml(complaint(messageId)), StandardCharsets.UTF_8)
                .replace("1299.00", "129.00").getBytes(StandardCharsets.UTF_8);

        sendAsShenzhen(edited);

        awaitDelivery(messageId, "INVALID", null);
        assertThat(verdictOf(messageId)).isEqualTo("INVALID");
        assertThat(fetchOriginal(deliveryOf(messageId))).isEqualTo(edited);
    }

    @Test
    void jwsSignedOriginalVerifiesAtTheReceiverAndItsLinkServesOnlyThatReceiver() {
        String messageId = newMessageId();
        byte[] complaint = complaint(messageId);
        String signature = SHENZHEN.sign(complaint);
        postAsShenzhen(complaint, signature);
        awaitDelivery(messageId, "VERIFIED", signature);
        LoggedRequest delivered = deliveryOf(messageId);

        byte[] original = fetchOriginal(delivered);

        assertThat(new SignatureVerifier().verify(original, delivered.getHeader(Recognition.HTTP_SIGNATURE),
                Optional.of(SHENZHEN.registered()), Instant.now()).outcome()).isEqualTo(Outcome.VERIFIED);
        ResponseEntity<String> otherReceiver = http.getForEntity(pathOf(delivered).replace("receiver=SH",
                "receiver=HL"), String.class);
        assertThat(otherReceiver.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherReceiver.getBody()).contains("UNAUTHENTICATED");
    }

    @Test
    void batchCasesAreSignedOneByOneInTheSignatureFile() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String header = GatewayTestSupport.sample("hlj-csv/complaint-to-guangzhou.csv").lines().findFirst()
                .orElseThrow();
        String first = csvLine("HL-" + run + "-1");
        String second = csvLine("HL-" + run + "-2");
        byte[] firstCase = (header + "\n" + first + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] otherCase = (header + "\n" + csvLine("HL-" + run + "-other") + "\n").getBytes(StandardCharsets.UTF_8);
        Path in = Files.createDirectories(BATCH.resolve("HL/in"));
        // The signature file first, then the batch, each moved in whole.
        Files.move(Files.writeString(BATCH.resolve("HL/batch-" + run + ".csv.jws.tmp"), "2," + HEILONGJIANG.sign(firstCase)
                + "\n3," + HEILONGJIANG.sign(otherCase) + "\n"), in.resolve("batch-" + run + ".csv.jws"));
        Files.move(Files.writeString(BATCH.resolve("HL/batch-" + run + ".csv.tmp"), header + "\n" + first + "\n"
                + second + "\n"), in.resolve("batch-" + run + ".csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> verdictOf("HL", "HL-" + run + "-2") != null);
        assertThat(verdictOf("HL", "HL-" + run + "-1")).isEqualTo("VERIFIED");
        assertThat(verdictOf("HL", "HL-" + run + "-2")).as("signed over another case").isEqualTo("INVALID");
        awaitDelivery("HL-" + run + "-1", "VERIFIED", HEILONGJIANG.sign(firstCase));
        LoggedRequest delivered = deliveryOf("HL-" + run + "-1");
        byte[] original = fetchOriginal(delivered);
        assertThat(original).isEqualTo(firstCase);
        assertThat(new SignatureVerifier().verify(original, delivered.getHeader(Recognition.HTTP_SIGNATURE),
                Optional.of(HEILONGJIANG.registered()), Instant.now()).outcome()).isEqualTo(Outcome.VERIFIED);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(
                in.resolve(".done").resolve(doneName(in, "batch-" + run) + ".jws")));

        String gatewayRef = jdbc.sql("select gateway_ref from ledger_message where direction = 'IN' and message_id = ?")
                .param("HL-" + run + "-1").query(String.class).single();
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);
        Path out = BATCH.resolve("HL/out");
        Path status = await().atMost(Duration.ofSeconds(15)).until(() -> deliveredMentioning(out, gatewayRef),
                found -> found != null);
        String verdict = Files.readString(status.resolveSibling(status.getFileName() + ".verdict.json"));
        assertThat(verdict).contains("\"verdict\" : \"UNSIGNED\"", Sha256.hex(Files.readAllBytes(
                status.resolveSibling(status.getFileName() + ".original"))));
    }

    void sendAsShenzhen(byte[] message) {
        jms.send("partner.SZ.inbound", session -> {
            BytesMessage bytes = session.createBytesMessage();
            bytes.writeBytes(message);
            return bytes;
        });
    }

    LoggedRequest deliveryOf(String messageId) {
        List<LoggedRequest> found = SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX))
                .withRequestBody(containing(messageId)));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** What Shanghai's system does with the link it was given: fetch the original. */
    byte[] fetchOriginal(LoggedRequest delivered) {
        ResponseEntity<byte[]> original = http.getForEntity(pathOf(delivered), byte[].class);
        assertThat(original.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(original.getHeaders().getFirst(Recognition.HTTP_VERDICT))
                .isEqualTo(delivered.getHeader(Recognition.HTTP_VERDICT));
        return original.getBody();
    }

    /** The link's path and query; the gateway's public address differs from the test's random port. */
    static String pathOf(LoggedRequest delivered) {
        String link = delivered.getHeader(Recognition.HTTP_ORIGINAL);
        assertThat(link).isNotNull();
        return link.substring(link.indexOf("/api/"));
    }

    String csvLine(String messageId) {
        byte[] written = adapters.forFormat("hlj-csv").toNative(SampleCases.complaint("SAMR-HL", "310115", messageId,
                "HLC-" + messageId));
        return new String(written, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    String verdictOf(String partner, String messageId) {
        return jdbc.sql("""
                select v.verdict from signature_verdict v join ledger_message m on m.id = v.message_row_id
                where m.direction = 'IN' and m.partner_code = ? and m.message_id = ?""")
                .params(partner, messageId).query(String.class).optional().orElse(null);
    }

    static String doneName(Path in, String stem) throws IOException {
        try (Stream<Path> files = Files.list(in.resolve(".done"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(stem + ".") && name.endsWith(".csv")).findFirst().orElseThrow();
        }
    }

    static Path deliveredMentioning(Path out, String marker) throws IOException {
        if (!Files.isDirectory(out)) {
            return null;
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".csv"))
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> {
                        try {
                            return Files.readString(file).contains(marker);
                        } catch (IOException unreadable) {
                            return false;
                        }
                    }).findFirst().orElse(null);
        }
    }

    void awaitDelivery(String messageId, String verdict, String signature) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX))
                        .withRequestBody(containing(messageId))
                        .withHeader(Recognition.HTTP_VERDICT, equalTo(verdict))
                        .withHeader(Recognition.HTTP_SIGNATURE, signature == null ? absent() : equalTo(signature))));
    }

    String verdictOf(String messageId) {
        return jdbc.sql("""
                select v.verdict from signature_verdict v join ledger_message m on m.id = v.message_row_id
                where m.direction = 'IN' and m.partner_code = 'SZ' and m.message_id = ?""")
                .param(messageId).query(String.class).single();
    }

    ResponseEntity<String> postAsShenzhen(byte[] complaint, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        headers.set(Recognition.HTTP_SIGNATURE, signature);
        return http.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class);
    }

    static byte[] complaint(String messageId) {
        return GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml").replace("SZ-20261120-000123", messageId)
                .getBytes(StandardCharsets.UTF_8);
    }

    static String newMessageId() {
        return "SZ-T-" + UUID.randomUUID();
    }
}
