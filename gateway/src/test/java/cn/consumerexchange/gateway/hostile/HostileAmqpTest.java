package cn.consumerexchange.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.hostile.HostileCorpus.HostileCase;

/**
 * Every hostile n12315-json input from the national platform over this machine's RabbitMQ (services profile). The
 * answers on {@code partner.N12315.replies} carry no correlation id, and an input without a readable id cannot be
 * found by it: inputs go one at a time, the replies queue emptied before each.
 */
@Tag("services")
// Closed after the class: another test context consuming the same RabbitMQ queues would take its messages.
@DirtiesContext
class HostileAmqpTest extends AbstractHostileIntakeTest {

    static final String FORMAT = "n12315-json";
    static final String PARTNER = "N12315";
    static final long ANSWER_TIMEOUT_MILLIS = 15_000;

    @DynamicPropertySource
    static void rabbitMq(DynamicPropertyRegistry registry) {
        GatewayTestSupport.registerRabbitMq(registry);
    }

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    AmqpAdmin admin;

    static List<HostileCase> inputs() {
        return HostileCorpus.of(FORMAT);
    }

    @BeforeAll
    void emptyTheRepliesQueue() {
        admin.purgeQueue("partner." + PARTNER + ".replies", false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void inputIsAnsweredWithItsCodeKeptAndTheGatewayStaysUp(HostileCase hostile) throws Exception {
        String messageId = messageId("A", hostile);
        byte[] input = hostile.render(messageId, nonce());
        int quarantinedBefore = quarantinedCopies(PARTNER, input);
        admin.purgeQueue("partner." + PARTNER + ".replies", false);

        rabbit.send("partner." + PARTNER, "partner." + PARTNER + ".inbound", new Message(input, new MessageProperties()));
        Message answer = rabbit.receive("partner." + PARTNER + ".replies", ANSWER_TIMEOUT_MILLIS);

        assertThat(answer).as("an answer on partner.N12315.replies").isNotNull();
        assertAnswered(hostile, NativeAnswer.read(FORMAT, answer.getBody()));
        assertKept(PARTNER, hostile, messageId, input, quarantinedBefore);
        assertHealthUp();
    }
}
