package cn.consumerexchange.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;

/**
 * A message from the national platform whose intake keeps failing (here: an error thrown inside the intake, as a
 * database outage would) is neither lost nor looped: it is parked on {@code partner.N12315.inbound.parked}, the partner
 * is answered {@code GATEWAY_UNAVAILABLE}, and the messages after it go through. Needs this machine's RabbitMQ; runs in the {@code services} Maven profile.
 */
@Tag("services")
@Tag("rabbitmq")
// Closed after the class: another test context consuming the same RabbitMQ queues would take its messages.
@DirtiesContext
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest
class AmqpParkingTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();
    static final String POISON = "POISON-" + UUID.randomUUID();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        GatewayTestSupport.registerRabbitMq(registry);
    }

    @Autowired
    CamelContext camel;
    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    AdapterCatalog adapters;

    @Test
    void messageWhoseIntakeKeepsFailingIsParkedAndTheNextGoesThrough() throws Exception {
        AdviceWith.adviceWith(camel, "intake", route -> route.weaveById("receive").before()
                .process(exchange -> {
                    if (exchange.getMessage().getBody(String.class).contains(POISON)) {
                        throw new IllegalStateException("Simulated outage of the ledger");
                    }
                }));
        // Left over from a run that was stopped: not this test's messages.
        admin.purgeQueue("partner.N12315.inbound", false);
        camel.start();
        admin.purgeQueue("partner.N12315.inbound.parked", false);
        admin.purgeQueue("partner.N12315.replies", false);

        rabbit.send("partner.N12315", "partner.N12315.inbound", complaint(POISON));
        String healthy = "N12315-" + UUID.randomUUID();
        rabbit.send("partner.N12315", "partner.N12315.inbound", complaint(healthy));

        Message parked = rabbit.receive("partner.N12315.inbound.parked", 20_000);
        assertThat(parked).isNotNull();
        assertThat(new String(parked.getBody(), StandardCharsets.UTF_8)).contains(POISON);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Message answer = rabbit.receive("partner.N12315.replies", 20_000);
            assertThat(answer).isNotNull();
            answers.add(new String(answer.getBody(), StandardCharsets.UTF_8));
        }
        assertThat(answers).noneMatch(answer -> answer.contains(POISON));
        assertThat(answers).anyMatch(answer -> answer.contains(healthy));
        assertThat(answers).anyMatch(answer -> answer.contains("GATEWAY_UNAVAILABLE"));
    }

    private Message complaint(String messageId) {
        return new Message(adapters.forFormat("n12315-json").toNative(
                SampleCases.complaint("SAMR-12315", "310115", messageId, "TS-" + messageId)),
                new MessageProperties());
    }
}
