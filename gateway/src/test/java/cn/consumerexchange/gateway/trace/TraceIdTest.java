package cn.consumerexchange.gateway.trace;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.consumerexchange.gateway.GatewayTestSupport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;

/**
 * A message's trace id (调用链) from the sender's {@code traceparent} to the receiver's, through the ledger: SZ sends a
 * complaint over HTTP or on its queue, WireMock plays SH receiving it over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraceIdTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JmsTemplate jms;

    @BeforeEach
    void shanghaiTakesDeliveries() {
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void theSendersTraceReachesTheReceiverAndTheLedger() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String messageId = newMessageId();

        ResponseEntity<String> answer = sendComplaint(messageId, "00-" + traceId + "-00f067aa0ba902b7-01");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(TraceParent.parse(answer.getHeaders().getFirst("traceparent")))
                .map(TraceParent::traceId).contains(traceId);
        TraceParent delivered = TraceParent.parse(deliveredTo(messageId).getHeader("traceparent")).orElseThrow();
        assertThat(delivered.traceId()).isEqualTo(traceId);
        assertThat(delivered.spanId()).isNotEqualTo("00f067aa0ba902b7");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ledgerTraceIds(messageId)).containsExactly("IN " + traceId, "OUT " + traceId));
    }

    @Test
    void aMessageWithoutATraceGetsAFreshOne() {
        String messageId = newMessageId();

        assertThat(sendComplaint(messageId, null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        TraceParent delivered = TraceParent.parse(deliveredTo(messageId).getHeader("traceparent")).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ledgerTraceIds(messageId))
                .containsExactly("IN " + delivered.traceId(), "OUT " + delivered.traceId()));
    }

    @Test
    void anInvalidTraceIsReplacedNeverRejected() {
        String messageId = newMessageId();
        String invalid = "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01";

        ResponseEntity<String> answer = sendComplaint(messageId, invalid);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String traceId = TraceParent.parse(answer.getHeaders().getFirst("traceparent")).orElseThrow().traceId();
        assertThat(traceId).isNotEqualToIgnoringCase("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TraceParent.parse(deliveredTo(messageId).getHeader("traceparent")))
                .map(TraceParent::traceId).contains(traceId);
    }

    @Test
    void aQueuePartnersTraceComesBackWithItsAnswerAndGoesOnToTheReceiver() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String messageId = newMessageId();
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);

        jms.send("partner.SZ.inbound", session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(complaint.getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
            return message;
        });
        Message answer = jms.receiveSelected("partner.SZ.replies", "traceparent LIKE '00-" + traceId + "-%'");

        assertThat(answer).as("the answer in the sender's trace").isNotNull();
        assertThat(answer.getStringProperty("traceparent")).doesNotContain("b7ad6b7169203331");
        assertThat(TraceParent.parse(deliveredTo(messageId).getHeader("traceparent")))
                .map(TraceParent::traceId).contains(traceId);
    }

    private LoggedRequest deliveredTo(String messageId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))));
        return SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))).get(0);
    }

    private List<String> ledgerTraceIds(String messageId) {
        return jdbc.sql("select direction || ' ' || trace_id from ledger_message "
                        + "where message_id in (?, ?) order by direction")
                .params(messageId, "SZ:" + messageId)
                .query(String.class).list();
    }

    private ResponseEntity<String> sendComplaint(String messageId, String traceparent) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        if (traceparent != null) {
            headers.set("traceparent", traceparent);
        }
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);
        return http.postForEntity("/api/partners/SZ/messages", new HttpEntity<>(complaint, headers), String.class);
    }

    private static String newMessageId() {
        return "SZ-T-" + UUID.randomUUID();
    }
}
