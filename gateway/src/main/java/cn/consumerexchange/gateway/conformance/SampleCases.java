package cn.consumerexchange.gateway.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.UnifiedSocialCreditCode;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.StatusUpdate;

/**
 * Contract messages the gateway writes when it plays a region: in the conformance sandbox and as a simulated
 * partner. A partner's adapter renders them in its native format.
 */
public final class SampleCases {

    private SampleCases() {
    }

    /**
     * The sample complaint of {@code seeds/samples/contract/}, sent by {@code senderAuthority} about a respondent in
     * {@code division}: a mainland respondent gets a valid credit code registered there, one in Hong Kong or Macao a
     * business registration number.
     */
    public static ExchangeMessage complaint(String senderAuthority, String division, String messageId,
            String caseNumber) {
        ExchangeMessage message = ContractCodec.standard().read(contractSample("complaint"));
        message.setEnvelope(envelope(messageId, MessageKind.COMPLAINT, senderAuthority));
        message.getEnvelope().getCaseRef().add(caseNumber);
        message.getComplaint().setOriginCaseNumber(caseNumber);
        message.getComplaint().setReceivingAuthority(senderAuthority);
        Respondent respondent = message.getComplaint().getRespondent();
        respondent.setDivisionCode(division);
        if (division.startsWith("81") || division.startsWith("82")) {
            respondent.setCreditCode(null);
            respondent.setRegistrationNumber("69420431");
        } else {
            String first17 = "91" + division + "MA1H8Q6T2";
            respondent.setCreditCode(first17 + UnifiedSocialCreditCode.checkCharacter(first17));
        }
        return message;
    }

    /** The authority tells the other party of the case that it has accepted it (受理). */
    public static ExchangeMessage statusAccepted(String authority, String gatewayRef, String note) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        StatusUpdate status = new StatusUpdate();
        status.setCaseRef(gatewayRef);
        status.setState(CaseState.ACCEPTED);
        status.setBy(authority);
        status.setAt(now);
        status.setNote(note);
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope("ST-" + UUID.randomUUID(), MessageKind.STATUS_UPDATE, authority));
        message.getEnvelope().getCaseRef().add(gatewayRef);
        message.setStatusUpdate(status);
        return message;
    }

    /** One of the valid contract samples, by message type in lower case with dashes, e.g. {@code status-update}. */
    static byte[] contractSample(String name) {
        try (InputStream in = SampleCases.class.getResourceAsStream("/seeds/samples/contract/" + name + ".xml")) {
            if (in == null) {
                throw new IllegalArgumentException("No contract sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Envelope envelope(String id, MessageKind kind, String sender) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(id);
        envelope.setMessageType(kind);
        envelope.setSender(sender);
        envelope.setSentAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0));
        envelope.setContractVersion("1.0");
        return envelope;
    }
}
