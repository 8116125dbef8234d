package cn.consumerexchange.gateway.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Session;

/**
 * Shenzhen's system, outside the gateway, on the embedded broker's TCP port: over CORE and AMQP 1.0 it sends to its
 * inbound queue and reads the answer on its replies queue, and reaches nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PartnerBrokerAccessTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @BeforeAll
    static void shanghaiTakesDeliveries() {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
    }

    /** A client library a partner may use, and the URL it connects with. */
    enum Client {
        ARTEMIS_CORE("tcp"), QPID_AMQP("amqp");

        private final String scheme;

        Client(String scheme) {
            this.scheme = scheme;
        }

        ConnectionFactory factory(int port) {
            String url = scheme + "://127.0.0.1:" + port;
            return this == ARTEMIS_CORE ? new ActiveMQConnectionFactory(url) : new JmsConnectionFactory(url);
        }
    }

    @Value("${exchange.broker.tcp-port}")
    int port;

    @ParameterizedTest
    @EnumSource(Client.class)
    void partnerSendsAComplaintAndReadsTheAcknowledgement(Client client) throws JMSException {
        String messageId = "SZ-T-" + UUID.randomUUID();
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);

        try (Connection shenzhen = client.factory(port).createConnection("SZ", GatewayTestSupport.SZ_TOKEN)) {
            shenzhen.start();
            Session session = shenzhen.createSession(false, Session.AUTO_ACKNOWLEDGE);
            BytesMessage sent = session.createBytesMessage();
            sent.writeBytes(complaint.getBytes(StandardCharsets.UTF_8));
            session.createProducer(session.createQueue("partner.SZ.inbound")).send(sent);
            Message answer = session.createConsumer(session.createQueue("partner.SZ.replies"),
                    "JMSCorrelationID = '" + sent.getJMSMessageID() + "'").receive(15_000);

            assertThat(answer).isInstanceOf(BytesMessage.class);
            assertThat(new String(answer.getBody(byte[].class), StandardCharsets.UTF_8))
                    .contains("type=\"receipt\"", "result=\"ACCEPTED\"", "for=\"" + messageId + "\"");
        }
    }

    @Test
    void queueMessagesThatCarryNoNativeTextAreAnsweredWithACode() throws JMSException {
        try (Connection shenzhen = Client.ARTEMIS_CORE.factory(port).createConnection("SZ",
                GatewayTestSupport.SZ_TOKEN)) {
            shenzhen.start();
            Session session = shenzhen.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MapMessage map = session.createMapMessage();
            map.setString("complaint", "<gba-message/>");
            Map<Message, String> expected = new LinkedHashMap<>();
            expected.put(session.createObjectMessage(new ArrayList<>(List.of("a complaint"))),
                    "UNTRANSLATABLE_NATIVE_MESSAGE");
            expected.put(map, "UNTRANSLATABLE_NATIVE_MESSAGE");
            expected.put(session.createTextMessage("<gba-message>\uD800</gba-message>"), "ILLEGAL_CHARACTER");

            for (Map.Entry<Message, String> sent : expected.entrySet()) {
                session.createProducer(session.createQueue("partner.SZ.inbound")).send(sent.getKey());
                Message answer = session.createConsumer(session.createQueue("partner.SZ.replies"),
                        "JMSCorrelationID = '" + sent.getKey().getJMSMessageID() + "'").receive(15_000);

                assertThat(answer).as(sent.getValue()).isNotNull();
                assertThat(new String(answer.getBody(byte[].class), StandardCharsets.UTF_8))
                        .contains("result=\"REJECTED\"", "code=\"" + sent.getValue() + "\"");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void partnerCannotSendToAnotherPartnersQueue(Client client) throws JMSException {
        try (Connection shenzhen = client.factory(port).createConnection("SZ", GatewayTestSupport.SZ_TOKEN)) {
            Session session = shenzhen.createSession(false, Session.AUTO_ACKNOWLEDGE);

            for (String queue : new String[] {"partner.GZ.inbound", "partner.SZ.replies"}) {
                assertThatThrownBy(() -> session.createProducer(session.createQueue(queue))
                        .send(session.createTextMessage("<gba-message/>")))
                        .as(queue).isInstanceOf(JMSSecurityException.class)
                        .hasMessageContaining("User: SZ does not have permission='SEND'");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void partnerCannotConsumeAQueueNotMeantForIt(Client client) throws JMSException {
        try (Connection shenzhen = client.factory(port).createConnection("SZ", GatewayTestSupport.SZ_TOKEN)) {
            Session session = shenzhen.createSession(false, Session.AUTO_ACKNOWLEDGE);

            for (String queue : new String[] {"partner.GZ.replies", "partner.GZ.outbound", "gateway.delivery.SH",
                    "partner.SZ.inbound"}) {
                assertThatThrownBy(() -> session.createConsumer(session.createQueue(queue)))
                        .as(queue).isInstanceOf(JMSSecurityException.class)
                        .hasMessageContaining("User: SZ does not have permission");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aWrongPasswordIsRefused(Client client) {
        assertThatThrownBy(() -> {
            try (Connection refused = client.factory(port).createConnection("SZ", "not-the-token")) {
                refused.start();
            }
        }).isInstanceOf(JMSSecurityException.class);
    }
}
