package cn.consumerexchange.gateway.recognition;

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
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * The national 12315 platform signs its messages with ECDSA P-256 and sends the detached JWS in the AMQP header
 * {@code signature}; what it receives over AMQP carries the gateway's verdict and the signed original in headers.
 * Against this machine's RabbitMQ, in the {@code services} Maven profile.
 */
@Tag("services")
@Tag("rabbitmq")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedAmqpFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";
    static final SigningAuthority PLATFORM = SigningAuthority.of(JwsAlgorithm.ES256);
    static final Path LOCATION = partnerLocation();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        GatewayTestSupport.registerRabbitMq(registry);
        registry.add("exchange.partner-locations", () -> LOCATION.toUri().toString());
        registry.add("exchange.recognition.message-types", () -> "COMPLAINT,STATUS_UPDATE");
    }

    static Path partnerLocation() {
        try {
            Path location = Files.createDirectories(Path.of("target/test-recognition", UUID.randomUUID().toString()));
            Files.createDirectories(location.resolve("partners"));
            Files.createDirectories(location.resolve("certificates"));
            Files.writeString(location.resolve("certificates/n12315.pem"), SigningAuthority.pem(PLATFORM.certificate()));
            Files.writeString(location.resolve("partners/partners.json"), """
                    [
                      {"code": "N12315", "authority": "SAMR-12315", "name": "全国12315平台", "divisions": [],
                       "format": "n12315-json", "transport": "AMQP", "inbound": "partner.N12315.inbound",
                       "replies": "partner.N12315.replies", "outbound": "partner.N12315.outbound",
                       "credentialsRef": "exchange.partner-tokens.N12315", "enabled": true,
                       "certificate": "certificates/n12315.pem"},
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
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    PartnerAdapter national;

    @BeforeEach
    void setUp() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        admin.purgeQueue("partner.N12315.replies", false);
        admin.purgeQueue("partner.N12315.outbound", false);
        national = adapters.forFormat("n12315-json");
    }

    @Test
    void signedComplaintIsVerifiedAndTheAnswerBackCarriesVerdictAndOriginal() {
        String messageId = "N12315-" + UUID.randomUUID();
        byte[] complaint = complaint(messageId);

        send(complaint, PLATFORM.sign(complaint));

        awaitDeliveryToShanghai(messageId, "VERIFIED");
        assertThat(verdictOf(messageId)).isEqualTo("VERIFIED");
        String gatewayRef = jdbc.sql("select gateway_ref from ledger_message where direction = 'IN' and message_id = ?")
                .param(messageId).query(String.class).single();
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);

        Message status = rabbit.receive("partner.N12315.outbound", 15_000);
        assertThat(status).isNotNull();
        MessageProperties headers = status.getMessageProperties();
        assertThat(headers.<String>getHeader(Recognition.JMS_VERDICT)).isEqualTo("UNSIGNED");
        byte[] original = Base64.getDecoder().decode(headers.<String>getHeader(Recognition.QUEUE_ORIGINAL));
        assertThat(Sha256.hex(original)).isEqualTo(headers.<String>getHeader(Recognition.QUEUE_ORIGINAL_SHA256));
        assertThat(new String(original, StandardCharsets.UTF_8)).contains(gatewayRef);
    }

    @Test
    void forgedComplaintIsDeliveredInvalid() {
        String messageId = "N12315-" + UUID.randomUUID();

        send(complaint(messageId), PLATFORM.sign(complaint("N12315-" + UUID.randomUUID())));

        awaitDeliveryToShanghai(messageId, "INVALID");
        assertThat(verdictOf(messageId)).isEqualTo("INVALID");
    }

    byte[] complaint(String messageId) {
        return national.toNative(SampleCases.complaint("SAMR-12315", "310115", messageId, "TS-" + messageId));
    }

    void send(byte[] body, String signature) {
        MessageProperties properties = new MessageProperties();
        properties.setHeader(Recognition.JMS_SIGNATURE, signature);
        rabbit.send("partner.N12315", "partner.N12315.inbound", new Message(body, properties));
        assertThat(rabbit.receive("partner.N12315.replies", 15_000)).as("answered").isNotNull();
    }

    void awaitDeliveryToShanghai(String messageId, String verdict) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))
                        .withHeader(Recognition.HTTP_VERDICT, equalTo(verdict))));
    }

    String verdictOf(String messageId) {
        return jdbc.sql("""
                select v.verdict from signature_verdict v join ledger_message m on m.id = v.message_row_id
                where m.direction = 'IN' and m.partner_code = 'N12315' and m.message_id = ?""")
                .param(messageId).query(String.class).single();
    }
}
