package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jms.core.JmsTemplate;

import cn.consumerexchange.gateway.Endpoints;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;

/** Plays a queue partner's evidence files in tests: the bytes a manifest names travel beside it as large messages. */
final class EvidenceFiles {

    private EvidenceFiles() {
    }

    /** Sends the file's bytes as the partner does before its manifest, and waits for the gateway's receipt. */
    static void hold(JmsTemplate jms, String partnerCode, String repliesQueue, byte[] file) {
        String sha256 = Sha256.hex(file);
        AtomicReference<Message> sent = new AtomicReference<>();
        jms.send(Endpoints.evidenceInbound(partnerCode), session -> {
            BytesMessage out = session.createBytesMessage();
            out.writeBytes(file);
            out.setStringProperty(Endpoints.EVIDENCE_SHA256_PROPERTY, sha256);
            sent.set(out);
            return out;
        });
        Message receipt;
        try {
            receipt = jms.receiveSelected(repliesQueue, "JMSCorrelationID = '" + sent.get().getJMSMessageID() + "'");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        assertThat(receipt).as("receipt of evidence file %s", sha256).isNotNull();
        assertThat(PartnerQueues.body(receipt)).contains(sha256);
    }

    /**
     * The evidence file the gateway handed to the partner before a manifest naming it. A large message's body is read
     * from the session that received it, so it is read within that session.
     */
    static byte[] await(JmsTemplate jms, String partnerCode, String sha256) {
        return jms.execute(session -> {
            try (MessageConsumer consumer = session.createConsumer(
                    session.createQueue(Endpoints.evidenceOutbound(partnerCode)),
                    Endpoints.EVIDENCE_SHA256_PROPERTY + " = '" + sha256 + "'")) {
                Message file = consumer.receive(15_000);
                assertThat(file).as("evidence file %s for %s", sha256, partnerCode).isInstanceOf(BytesMessage.class);
                byte[] bytes = new byte[(int) ((BytesMessage) file).getBodyLength()];
                ((BytesMessage) file).readBytes(bytes);
                return bytes;
            }
        }, true);
    }
}
