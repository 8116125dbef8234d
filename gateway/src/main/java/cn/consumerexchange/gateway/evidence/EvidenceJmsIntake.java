package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.jms.JmsMessage;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.evidence.EvidenceStore.StoredEvidence;

/**
 * Takes one evidence file sent as a JMS bytes message (an Artemis large message when big) with the properties
 * {@code sha256} (required), {@code size} and {@code caseRef} (optional), and answers it with a JSON receipt on the
 * partner's replies queue: {@code {"sha256", "outcome": "STORED" | "ALREADY_HELD" | "REFUSED", "code", "reason"}},
 * carrying the property {@code sha256} and the file message's id as correlation id.
 */
@Component
public class EvidenceJmsIntake {

    private final EvidenceIntake intake;
    private final ObjectMapper json;

    EvidenceJmsIntake(EvidenceIntake intake, ObjectMapper json) {
        this.intake = intake;
        this.json = json;
    }

    public String receive(Exchange exchange, @Header(Endpoints.PARTNER_HEADER) String partnerCode)
            throws JMSException, IOException {
        Message message = exchange.getIn(JmsMessage.class).getJmsMessage();
        String sha256 = message.getStringProperty(Endpoints.EVIDENCE_SHA256_PROPERTY);
        org.apache.camel.Message answer = exchange.getMessage();
        answer.removeHeaders("*");
        answer.setHeader("JMSCorrelationID", message.getJMSMessageID());
        answer.setHeader(Endpoints.EVIDENCE_SHA256_PROPERTY, sha256);
        if (!(message instanceof BytesMessage bytes) || !EvidenceDigests.isSha256(sha256)) {
            return receipt(sha256, "REFUSED", ErrorCode.SCHEMA_VIOLATION, "Send the file as a bytes message with "
                    + "the property sha256: its SHA-256 in 64 lowercase hexadecimal digits");
        }
        long declaredSize = message.propertyExists("size") ? message.getLongProperty("size") : -1;
        String caseRef = message.getStringProperty("caseRef");
        try {
            StoredEvidence stored = intake.receive(partnerCode, "JMS", sha256, declaredSize,
                    caseRef == null || caseRef.length() > 64 ? null : caseRef, new BytesMessageStream(bytes));
            return receipt(sha256, stored.alreadyHeld() ? "ALREADY_HELD" : "STORED", null, null);
        } catch (EvidenceRefusedException refused) {
            return receipt(sha256, "REFUSED", refused.code(), refused.getMessage());
        }
    }

    private String receipt(String sha256, String outcome, ErrorCode code, String reason)
            throws JsonProcessingException {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("sha256", sha256);
        receipt.put("outcome", outcome);
        if (code != null) {
            receipt.put("code", code.name());
            receipt.put("reason", reason);
        }
        return json.writeValueAsString(receipt);
    }

    /** A bytes message's body as a stream: Artemis hands a large message's body over in chunks as it is read. */
    private static final class BytesMessageStream extends InputStream {

        private final BytesMessage message;

        BytesMessageStream(BytesMessage message) {
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                if (offset == 0) {
                    return message.readBytes(buffer, length);
                }
                byte[] chunk = new byte[length];
                int read = message.readBytes(chunk, length);
                if (read > 0) {
                    System.arraycopy(chunk, 0, buffer, offset, read);
                }
                return read;
            } catch (JMSException e) {
                throw new IOException("Reading the evidence message failed", e);
            }
        }
    }
}
