package cn.consumerexchange.gateway;

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

/** Contract messages for tests, which a partner's adapter then renders in its native format. */
public final class ContractMessages {

    private ContractMessages() {
    }

    /**
     * The sample complaint, sent by {@code senderAuthority} about a respondent in {@code division}: a mainland
     * respondent gets a valid credit code registered there, one in Hong Kong or Macao a registration number.
     */
    public static ExchangeMessage complaint(String senderAuthority, String division, String messageId,
            String caseNumber) {
        ExchangeMessage message = ContractCodec.standard().read(sample("contract/complaint.xml"));
        Envelope envelope = message.getEnvelope();
        envelope.setMessageId(messageId);
        envelope.setSender(senderAuthority);
        envelope.setReceiver(null);
        envelope.getCaseRef().clear();
        envelope.getCaseRef().add(caseNumber);
        message.getComplaint().setOriginCaseNumber(caseNumber);
        message.getComplaint().setReceivingAuthority(senderAuthority);
        Respondent respondent = message.getComplaint().getRespondent();
        respondent.setDivisionCode(division);
        if (division.startsWith("81") || division.startsWith("82")) {
            respondent.setCreditCode(null);
            respondent.setRegistrationNumber("69420431");
        } else {
            respondent.setCreditCode(creditCode(division));
        }
        return message;
    }

    /** A valid unified social credit code registered in {@code division}. */
    public static String creditCode(String division) {
        String first17 = "91" + division + "MA1H8Q6T2";
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    /** The receiving authority tells the case's origin it has accepted the case. */
    public static ExchangeMessage statusAccepted(String senderAuthority, String gatewayRef) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        StatusUpdate status = new StatusUpdate();
        status.setCaseRef(gatewayRef);
        status.setState(CaseState.ACCEPTED);
        status.setBy(senderAuthority);
        status.setAt(now);
        status.setNote("受理");
        Envelope envelope = new Envelope();
        envelope.setMessageId("ST-" + UUID.randomUUID());
        envelope.setMessageType(MessageKind.STATUS_UPDATE);
        envelope.setSender(senderAuthority);
        envelope.getCaseRef().add(gatewayRef);
        envelope.setSentAt(now);
        envelope.setContractVersion("1.0");
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setStatusUpdate(status);
        return message;
    }

    private static byte[] sample(String path) {
        try (InputStream in = ContractMessages.class.getResourceAsStream("/seeds/samples/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
