package cn.consumerexchange.gateway.evidence;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.Evidence;
import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.EvidenceKind;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinkSettings;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * Evidence files beside their manifest (claim check), on a real port, embedded Artemis and H2. Three partners that
 * speak the contract itself (no built-in format carries evidence manifests yet): EA on queues, EB on HTTP (WireMock
 * receives its deliveries), EF on batch files. Uploads and downloads go through {@code java.net.http} and a raw
 * socket, outside the Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class EvidenceFlowTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();
    static final int PORT = TestSocketUtils.findAvailableTcpPort();
    static final String RUN = UUID.randomUUID().toString();
    static final Path EVIDENCE_ROOT = Path.of("target/test-evidence", RUN).toAbsolutePath();
    static final Path BATCH_ROOT = Path.of("target/test-batch", RUN).toAbsolutePath();
    static final String LINK_KEY = "test-link-key";
    static final String EA_TOKEN = "test-ea-token";
    static final String EB_TOKEN = "test-eb-token";
    static final String EF_TOKEN = "test-ef-token";
    static final Pattern CLAIM_CHECK = Pattern.compile("<ClaimCheck>([^<]+)</ClaimCheck>");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("server.port", () -> PORT);
        registry.add("exchange.batch-root", BATCH_ROOT::toString);
        registry.add("exchange.partner-locations", () -> "classpath:evidence/");
        registry.add("exchange.partner-tokens.EA", () -> EA_TOKEN);
        registry.add("exchange.partner-tokens.EB", () -> EB_TOKEN);
        registry.add("exchange.partner-tokens.EF", () -> EF_TOKEN);
        registry.add("exchange.evidence.root", EVIDENCE_ROOT::toString);
        registry.add("exchange.links.key", () -> LINK_KEY);
        registry.add("exchange.links.public-base-url", () -> "http://127.0.0.1:" + PORT);
    }

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;
    @Autowired
    EvidenceSettings settings;
    @Autowired
    ReceiverLinkSettings linkSettings;

    @BeforeEach
    void setUp() {
        PARTNERS.resetAll();
        PARTNERS.stubFor(post(urlEqualTo("/partners/EB/inbox")).willReturn(aResponse().withStatus(202)));
        jms.setReceiveTimeout(15_000);
    }

    @Test
    void httpReceiverDownloadsTheFileThroughItsLink() throws Exception {
        String gatewayRef = openCase("EA", "SZ-AMR", "310115");
        byte[] photo = randomBytes(300_000);
        String sha256 = Sha256.hex(photo);

        assertThat(upload("EA", sha256, photo).statusCode()).isEqualTo(201);
        String manifestId = "EV-" + UUID.randomUUID();
        assertThat(send("EA", manifest("SZ-AMR", manifestId, gatewayRef, item(photo, "image/jpeg"))).statusCode())
                .isEqualTo(202);

        await().atMost(Duration.ofSeconds(20)).until(() -> !deliveredTo("EB", manifestId).isEmpty());
        String link = claimChecks(deliveredTo("EB", manifestId).get(0).getBodyAsString()).get(0);
        assertThat(link).startsWith("http://127.0.0.1:" + PORT + "/api/evidence/" + sha256 + "?receiver=EB&expires=");
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Sha256.hex(download.body())).isEqualTo(sha256);
        assertThat(download.headers().firstValue(EvidenceDownloadController.SHA256_HEADER)).contains(sha256);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(deliveries("EB", sha256)).containsExactly("LINK:ISSUED",
                        "DOWNLOAD:SERVED"));
    }

    @Test
    void queueReceiverGetsEachFileAsALargeMessageBeforeTheManifest() throws Exception {
        String gatewayRef = openCase("EB", "SH-PUDONG-AMR", "440300");
        byte[] video = randomBytes(1_500_000);
        String sha256 = Sha256.hex(video);
        assertThat(upload("EB", sha256, video).statusCode()).isEqualTo(201);

        String manifestId = "EV-" + UUID.randomUUID();
        assertThat(send("EB", manifest("SH-PUDONG-AMR", manifestId, gatewayRef, item(video, "video/mp4")))
                .statusCode()).isEqualTo(202);

        // A large message's body is read while its session is open, as a partner's consumer does.
        String[] file = jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(
                    session.createQueue(Endpoints.evidenceOutbound("EA")))) {
                BytesMessage message = (BytesMessage) consumer.receive(15_000);
                byte[] received = new byte[(int) message.getBodyLength()];
                message.readBytes(received);
                return new String[] {message.getStringProperty("sha256"), Sha256.hex(received)};
            }
        }, true);
        assertThat(file).containsExactly(sha256, sha256);
        String delivered = receiveSkippingTheCaseOpening("EA", manifestId);
        assertThat(claimChecks(delivered)).containsExactly("jms:partner.EA.evidence.outbound#" + sha256);
    }

    @Test
    void fileReceiverFindsEachFileBesideTheBatch() throws Exception {
        String gatewayRef = openCase("EA", "SZ-AMR", "230102");
        byte[] receipt = randomBytes(20_000);
        String sha256 = Sha256.hex(receipt);
        assertThat(upload("EA", sha256, receipt).statusCode()).isEqualTo(201);

        String manifestId = "EV-" + UUID.randomUUID();
        assertThat(send("EA", manifest("SZ-AMR", manifestId, gatewayRef, item(receipt, "application/pdf")))
                .statusCode()).isEqualTo(202);

        Path out = BATCH_ROOT.resolve("EF/out");
        Path file = out.resolve(sha256 + ".pdf");
        await().atMost(Duration.ofSeconds(20)).until(() -> outboundNaming(out, manifestId) != null);
        assertThat(Files.readAllBytes(file)).isEqualTo(receipt);
        assertThat(claimChecks(Files.readString(outboundNaming(out, manifestId)))).containsExactly(sha256 + ".pdf");
    }

    @Test
    void tamperedFileIsRefusedWithDigestMismatchAndNotKept() throws Exception {
        byte[] original = randomBytes(50_000);
        byte[] tampered = original.clone();
        tampered[1234] ^= 1;
        String declared = Sha256.hex(original);

        HttpResponse<String> answer = upload("EA", declared, tampered);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("code").asText()).isEqualTo("EVIDENCE_DIGEST_MISMATCH");
        assertThat(problem.get("detail").asText()).contains(declared, Sha256.hex(tampered));
        assertThat(Files.exists(storedPath(declared))).isFalse();
        assertThat(uploads(declared)).containsExactly("REFUSED:EVIDENCE_DIGEST_MISMATCH");
    }

    @Test
    void truncatedUploadIsRefusedAsIncompleteAndNotKept() throws Exception {
        byte[] whole = randomBytes(100_000);
        String sha256 = Sha256.hex(whole);

        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/partners/EA/evidence/" + sha256 + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Partner-Token: " + EA_TOKEN + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + whole.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(whole, 0, 40_000);
            out.flush();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !uploads(sha256).isEmpty());
        assertThat(uploads(sha256)).containsExactly("REFUSED:EVIDENCE_INCOMPLETE");
        assertThat(Files.exists(storedPath(sha256))).isFalse();
        try (Stream<Path> incoming = Files.list(EVIDENCE_ROOT.resolve("incoming"))) {
            assertThat(incoming.filter(part -> part.getFileName().toString().startsWith(sha256.substring(0, 8))))
                    .isEmpty();
        }
    }

    @Test
    void bodyShorterThanItsContentLengthIsRefusedAsIncomplete() throws Exception {
        byte[] whole = randomBytes(10_000);
        String sha256 = Sha256.hex(whole);
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/partners/EA/evidence/" + sha256 + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Partner-Token: " + EA_TOKEN + "\r\nContent-Length: " + (whole.length + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(whole);
            socket.shutdownOutput();
            // Tomcat answers a failed read itself, without the code; the refusal is recorded with it.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
        assertThat(uploads(sha256)).containsExactly("REFUSED:EVIDENCE_INCOMPLETE");
        assertThat(Files.exists(storedPath(sha256))).isFalse();
    }

    @Test
    void manifestNamingBytesNotUploadedIsRejectedAtTheItem() throws Exception {
        String gatewayRef = openCase("EA", "SZ-AMR", "310115");
        byte[] uploaded = randomBytes(1_000);
        byte[] neverUploaded = randomBytes(1_000);
        assertThat(upload("EA", Sha256.hex(uploaded), uploaded).statusCode()).isEqualTo(201);

        HttpResponse<String> answer = send("EA", manifest("SZ-AMR", "EV-" + UUID.randomUUID(), gatewayRef,
                item(uploaded, "image/png"), item(neverUploaded, "image/png")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<Code>UNKNOWN_EVIDENCE</Code>",
                "<Path>/ExchangeMessage/Evidence/Item[2]/Sha256</Path>", Sha256.hex(neverUploaded));
        assertThat(answer.body()).doesNotContain("Item[1]");
    }

    @Test
    void bytesUploadedByAnotherPartnerCannotBeNamedInAManifest() throws Exception {
        String gatewayRef = openCase("EA", "SZ-AMR", "310115");
        byte[] theirs = randomBytes(2_000);
        assertThat(upload("EB", Sha256.hex(theirs), theirs).statusCode()).isEqualTo(201);

        HttpResponse<String> answer = send("EA", manifest("SZ-AMR", "EV-" + UUID.randomUUID(), gatewayRef,
                item(theirs, "image/png")));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("<Code>UNKNOWN_EVIDENCE</Code>",
                "<Path>/ExchangeMessage/Evidence/Item/Sha256</Path>");
    }

    @Test
    void forgedAndExpiredLinksAreRefused() throws Exception {
        byte[] bytes = randomBytes(1_000);
        String sha256 = Sha256.hex(bytes);
        assertThat(upload("EA", sha256, bytes).statusCode()).isEqualTo(201);
        String valid = new ReceiverLinks(linkSettings, Clock.systemUTC())
                .linkFor("EB", settings.linkLifetime(), EvidenceDownloadController.KIND, sha256);
        String forged = valid.replace("receiver=EB", "receiver=EA");
        String expired = new ReceiverLinks(linkSettings, Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                .linkFor("EB", settings.linkLifetime(), EvidenceDownloadController.KIND, sha256);
        String otherFile = valid.replace(sha256, Sha256.hex(randomBytes(10)));

        assertThat(get(valid).statusCode()).isEqualTo(200);
        assertThat(get(forged).statusCode()).isEqualTo(403);
        assertThat(get(otherFile).statusCode()).isEqualTo(403);
        HttpResponse<String> late = get(expired);
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(json.readTree(late.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void sameFileUploadedTwiceIsStoredOnce() throws Exception {
        byte[] bytes = randomBytes(70_000);
        String sha256 = Sha256.hex(bytes);

        assertThat(upload("EA", sha256, bytes).statusCode()).isEqualTo(201);
        long firstWrite = Files.getLastModifiedTime(storedPath(sha256)).toMillis();
        HttpResponse<String> again = upload("EB", sha256, bytes);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("alreadyHeld").asBoolean()).isTrue();
        assertThat(Files.getLastModifiedTime(storedPath(sha256)).toMillis()).isEqualTo(firstWrite);
        try (Stream<Path> held = Files.list(storedPath(sha256).getParent())) {
            assertThat(held.filter(path -> path.getFileName().toString().equals(sha256))).hasSize(1);
        }
        assertThat(uploads(sha256)).containsExactly("STORED:-", "ALREADY_HELD:-");
    }

    @Test
    void wrongTokenIsRefusedUnread() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uploadUri("EA", Sha256.hex(new byte[1])))
                .header("X-Partner-Token", "wrong").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(json.readTree(answer.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void queuePartnerSendsAFileAsALargeMessageAndGetsAReceipt() throws Exception {
        byte[] video = randomBytes(400_000);
        String sha256 = Sha256.hex(video);
        byte[] tampered = video.clone();
        tampered[0] ^= 1;

        sendLargeMessage(sha256, video);
        JsonNode stored = json.readTree(((TextMessage) jms.receive("partner.EA.replies")).getText());
        sendLargeMessage(sha256, tampered);
        JsonNode refused = json.readTree(((TextMessage) jms.receive("partner.EA.replies")).getText());
        assertThat(stored.get("outcome").asText()).isEqualTo("STORED");
        assertThat(refused.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("code").asText()).isEqualTo("EVIDENCE_DIGEST_MISMATCH");
        assertThat(Files.readAllBytes(storedPath(sha256))).isEqualTo(video);
    }

    private void sendLargeMessage(String sha256, byte[] bytes) {
        jms.send(Endpoints.evidenceInbound("EA"), session -> {
            BytesMessage message = session.createBytesMessage();
            message.setStringProperty("sha256", sha256);
            message.setLongProperty("size", bytes.length);
            message.setObjectProperty("JMS_AMQ_InputStream", new ByteArrayInputStream(bytes));
            return message;
        });
    }

    /** A complaint from {@code code} about a respondent in {@code division}; returns the case's gateway reference. */
    private String openCase(String code, String authority, String division) throws Exception {
        String messageId = "C-" + UUID.randomUUID();
        ExchangeMessage complaint = SampleCases.complaint(authority, division, messageId, "TS-" + messageId);
        assertThat(send(code, ContractCodec.standard().write(complaint)).statusCode()).isEqualTo(202);
        return jdbc.sql("select gateway_ref from ledger_message where direction = 'IN' and message_id = ?")
                .param(messageId).query(String.class).single();
    }

    private static byte[] manifest(String sender, String messageId, String gatewayRef, EvidenceItem... items) {
        ExchangeMessage message = SampleCases.statusAccepted(sender, gatewayRef, "evidence");
        message.setStatusUpdate(null);
        message.getEnvelope().setMessageId(messageId);
        message.getEnvelope().setMessageType(MessageKind.EVIDENCE);
        Evidence evidence = new Evidence();
        evidence.setCaseRef(gatewayRef);
        evidence.getItem().addAll(List.of(items));
        message.setEvidence(evidence);
        return ContractCodec.standard().write(message);
    }

    private static EvidenceItem item(byte[] bytes, String contentType) {
        EvidenceItem item = new EvidenceItem();
        item.setKind(EvidenceKind.PHOTO);
        item.setContentType(contentType);
        item.setSize(bytes.length);
        item.setSha256(Sha256.hex(bytes));
        item.setClaimCheck("upload/" + Sha256.hex(bytes));
        return item;
    }

    private HttpResponse<String> send(String code, byte[] message) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/partners/" + code
                + "/messages")).header("X-Partner-Token", token(code)).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String code, String sha256, byte[] bytes)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uploadUri(code, sha256)).header("X-Partner-Token", token(code))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String link) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uploadUri(String code, String sha256) {
        return URI.create("http://127.0.0.1:" + PORT + "/api/partners/" + code + "/evidence/" + sha256);
    }

    private static String token(String code) {
        return switch (code) {
            case "EA" -> EA_TOKEN;
            case "EB" -> EB_TOKEN;
            default -> EF_TOKEN;
        };
    }

    private static List<LoggedRequest> deliveredTo(String code, String messageId) {
        return PARTNERS.findAll(postRequestedFor(urlEqualTo("/partners/" + code + "/inbox"))).stream()
                .filter(request -> request.getBodyAsString().contains(messageId)).toList();
    }

    /** The body of the delivery of {@code messageId}, after the complaint that opened its case. */
    private String receiveSkippingTheCaseOpening(String code, String messageId) throws Exception {
        for (int i = 0; i < 5; i++) {
            Message delivered = jms.receive("partner." + code + ".outbound");
            assertThat(delivered).isNotNull();
            String body = body(delivered);
            if (body.contains(messageId)) {
                return body;
            }
        }
        throw new AssertionError("No delivery of " + messageId + " to " + code);
    }

    private static String body(Message message) throws Exception {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        BytesMessage bytes = (BytesMessage) message;
        byte[] content = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(content);
        return new String(content, StandardCharsets.UTF_8);
    }

    private static Path outboundNaming(Path folder, String messageId) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".xml")).toList()) {
                if (Files.readString(file).contains(messageId)) {
                    return file;
                }
            }
        }
        return null;
    }

    /** The claim checks as an XML reader sees them: a link's {@code &} is escaped in the manifest. */
    private static List<String> claimChecks(String manifest) {
        Matcher matcher = CLAIM_CHECK.matcher(manifest);
        return matcher.results().map(match -> match.group(1).replace("&amp;", "&")).toList();
    }

    private List<String> uploads(String sha256) {
        return jdbc.sql("select outcome, error_code from evidence_upload where sha256 = ? order by id").param(sha256)
                .query((rs, row) -> rs.getString(1) + ":" + (rs.getString(2) == null ? "-" : rs.getString(2)))
                .list();
    }

    private List<String> deliveries(String receiver, String sha256) {
        return jdbc.sql("select way, outcome from evidence_delivery where receiver_code = ? and sha256 = ? "
                + "order by id").params(receiver, sha256)
                .query((rs, row) -> rs.getString(1) + ":" + rs.getString(2)).list();
    }

    private static Path storedPath(String sha256) {
        return EVIDENCE_ROOT.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }
}
