package cn.consumerexchange.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;

import cn.consumerexchange.gateway.hostile.HostileCorpus.HostileCase;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * Every hostile gba-xml input from Shenzhen's system, outside the gateway: Artemis's own client on the broker's TCP
 * port, as partner SZ with its token, to {@code partner.SZ.inbound}; the answer read on {@code partner.SZ.replies}
 * by the JMS id it correlates to.
 */
class HostileJmsTest extends AbstractHostileIntakeTest {

    static final String FORMAT = "gba-xml";
    static final String PARTNER = "SZ";
    static final long ANSWER_TIMEOUT_MILLIS = 15_000;

    @Value("${exchange.broker.tcp-port}")
    int port;

    Connection shenzhen;
    Session session;

    static List<HostileCase> inputs() {
        return HostileCorpus.of(FORMAT);
    }

    @BeforeAll
    void connectAsShenzhen() throws JMSException {
        shenzhen = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port).createConnection(PARTNER, token(PARTNER));
        shenzhen.start();
        session = shenzhen.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterAll
    void everyInputWasAnsweredOnce() throws JMSException {
        try {
            Queue replies = session.createQueue("partner." + PARTNER + ".replies");
            assertThat(Collections.list(session.createBrowser(replies).getEnumeration()))
                    .as("answers left over: a second answer to an input").isEmpty();
        } finally {
            shenzhen.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void inputIsAnsweredWithItsCodeKeptAndTheGatewayStaysUp(HostileCase hostile) throws Exception {
        String messageId = messageId("J", hostile);
        byte[] input = hostile.render(messageId, nonce());
        int quarantinedBefore = quarantinedCopies(PARTNER, input);

        BytesMessage sent = session.createBytesMessage();
        sent.writeBytes(input);
        session.createProducer(session.createQueue("partner." + PARTNER + ".inbound")).send(sent);
        Message answer = session.createConsumer(session.createQueue("partner." + PARTNER + ".replies"),
                "JMSCorrelationID = '" + sent.getJMSMessageID() + "'").receive(ANSWER_TIMEOUT_MILLIS);

        assertThat(answer).as("an answer on partner.SZ.replies").isNotNull();
        assertAnswered(hostile, NativeAnswer.read(FORMAT, answer.getBody(byte[].class)));
        assertKept(PARTNER, hostile, messageId, input, quarantinedBefore);
        assertHealthUp();
    }
}
