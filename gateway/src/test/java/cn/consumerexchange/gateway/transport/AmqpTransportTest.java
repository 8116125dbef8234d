package cn.consumerexchange.gateway.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

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
import org.springframework.test.annotation.DirtiesContext;
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
 * The national 12315 platform over AMQP 0.9.1 against this machine's RabbitMQ (127.0.0.1:5672, guest/guest): a
 * complaint in, its acknowledgement on the replies queue, delivery to Shanghai, and Shanghai's status back to the
 * platform's outbound queue. Runs in the {@code services} Maven profile.
 */
@Tag("services")
@Tag("rabbitmq")
// Closed after the class: another test context consuming the same RabbitMQ queues would take its messages.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AmqpTransportTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        GatewayTestSupport.registerRabbitMq(registry);
    }

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TestRestTemplate http;

    @Test
    void complaintFromTheNationalPlatformIsAnsweredDeliveredAndFedBack() {
        PARTNERS.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        admin.purgeQueue("partner.N12315.replies", false);
        admin.purgeQueue("partner.N12315.outbound", false);
        PartnerAdapter national = adapters.forFormat("n12315-json");
        String messageId = "N12315-" + UUID.randomUUID();

        rabbit.send("partner.N12315", "partner.N12315.inbound", new Message(national.toNative(
                SampleCases.complaint("SAMR-12315", "310115", messageId, "TS-" + messageId)),
                new MessageProperties()));

        Message answer = rabbit.receive("partner.N12315.replies", 15_000);
        assertThat(answer).isNotNull();
        String answerText = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(answerText).contains(messageId);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PARTNERS.verify(1,
                postRequestedFor(urlEqualTo("/partners/SH/inbox")).withRequestBody(containing(messageId))));
        String gatewayRef = answerText.replaceAll("(?s).*(GW-\\d{4}-[0-9A-Z]{13}).*", "$1");

        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);

        Message delivered = rabbit.receive("partner.N12315.outbound", 15_000);
        assertThat(delivered).isNotNull();
        ExchangeMessage feedback = national.toContract(delivered.getBody());
        assertThat(feedback.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(feedback.getStatusUpdate().getCaseRef()).isEqualTo(gatewayRef);
    }
}
