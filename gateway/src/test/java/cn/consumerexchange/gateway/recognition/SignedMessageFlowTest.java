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
import java.util.UUID;

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

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.GatewayTestSupport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;

/**
 * Shenzhen signs its complaints with SM2 (its certificate registered in its descriptor); Shanghai, on HTTP, receives
 * each with the signature and the gateway's verdict. The built-in formats carry no mediation result to an HTTP or JMS
 * receiver yet, so complaints and status updates stand in for them here ({@code exchange.recognition.message-types}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedMessageFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final SigningAuthority SHENZHEN = SigningAuthority.of(JwsAlgorithm.SM2SM3);
    static final Path LOCATION = partnerLocation();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-locations", () -> LOCATION.toUri().toString());
        registry.add("exchange.recognition.message-types", () -> "COMPLAINT,STATUS_UPDATE");
    }

    /** Shenzhen and Shanghai as the seeds describe them, Shenzhen with its certificate beside the descriptor. */
    static Path partnerLocation() {
        try {
            Path location = Files.createDirectories(Path.of("target/test-recognition", UUID.randomUUID().toString()));
            Files.createDirectories(location.resolve("partners"));
            Files.createDirectories(location.resolve("certificates"));
            Files.writeString(location.resolve("certificates/sz.pem"), SigningAuthority.pem(SHENZHEN.certificate()));
            Files.writeString(location.resolve("partners/partners.json"), """
                    [
                      {"code": "SZ", "authority": "SAMR-GD-SZ", "name": "深圳", "divisions": ["440300"],
                       "format": "gba-xml", "transport": "JMS", "inbound": "partner.SZ.inbound",
                       "replies": "partner.SZ.replies", "outbound": "partner.SZ.outbound",
                       "credentialsRef": "exchange.partner-tokens.SZ", "enabled": true,
                       "certificate": "certificates/sz.pem"},
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
