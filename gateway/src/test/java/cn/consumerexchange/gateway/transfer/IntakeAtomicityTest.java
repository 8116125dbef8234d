package cn.consumerexchange.gateway.transfer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * A crash after the ledger committed but before the broker did: the route fails once right after it has handed the
 * complaint to delivery and answered the partner. The broker transaction must take the hand-off and the answer back
 * with it; the redelivered message must then be recognised from the ledger and answered and delivered exactly once.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest
class IntakeAtomicityTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final AtomicBoolean CRASH_NEXT = new AtomicBoolean();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    TransferLedger ledger;

    @Test
    void failureAfterLedgerCommitLosesNothingAndDuplicatesNothing() throws Exception {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        AdviceWith.adviceWith(camel, "inbound-SZ", route -> route.weaveById("answer-SZ").after()
                .process(exchange -> {
                    if (CRASH_NEXT.compareAndSet(true, false)) {
                        throw new IllegalStateException("Simulated crash before the broker commits");
                    }
                }));
        camel.start();
        PartnerQueues shenzhen = new PartnerQueues(jms, "SZ");
        String messageId = "SZ-T-" + UUID.randomUUID();

        CRASH_NEXT.set(true);
        String jmsId = shenzhen.send(AbstractComplaintTransferFlowTest.complaint(messageId));
        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(jmsId));

        assertThat(CRASH_NEXT).isFalse();
        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        assertThat(ledger.findInbound("SZ", messageId)).isPresent();
        jms.setReceiveTimeout(2_000);
        assertThat(jms.receiveSelected("partner.SZ.replies", "JMSCorrelationID = '" + jmsId + "'"))
                .as("the answer sent before the crash was rolled back").isNull();
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                .state() == MessageState.DELIVERED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo("/partners/SH/inbox")).withRequestBody(containing(messageId))));
    }
}
