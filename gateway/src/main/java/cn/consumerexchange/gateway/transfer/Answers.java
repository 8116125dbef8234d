package cn.consumerexchange.gateway.transfer;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.Acknowledgement;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Rejection;
import cn.consumerexchange.contract.v1.RejectionError;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.LedgerEntry;

/**
 * The gateway's answers to what a partner sent: an acknowledgement (回执) or a rejection with reasons.
 *
 * <p>An answer is derived from the ledger row alone, so a message sent twice is answered twice with the same content.
 */
@Component
public class Answers {

    private final String gatewayAuthority;

    public Answers(ExchangeProperties properties) {
        this.gatewayAuthority = properties.authority();
    }

    public ExchangeMessage acknowledgement(LedgerEntry accepted) {
        Acknowledgement ack = new Acknowledgement();
        ack.setAnswersMessageId(accepted.messageId());
        ack.setGatewayReference(accepted.gatewayRef());
        ack.setAcceptedAt(accepted.createdAt());
        ExchangeMessage answer = answer("GW-A-" + accepted.id(), MessageKind.ACKNOWLEDGEMENT, accepted.sender(),
                accepted.gatewayRef(), accepted.createdAt());
        answer.setAcknowledgement(ack);
        return answer;
    }

    public ExchangeMessage rejection(LedgerEntry rejected) {
        return rejection("GW-R-" + rejected.id(), rejected.messageId(), rejected.sender(), rejected.createdAt(),
                decode(rejected.reason()));
    }

    /**
     * @param answersMessageId the id of the message answered, or {@code null} when it could not be read
     * @param senderAuthority  the authority the rejected message came from, if known
     */
    public ExchangeMessage rejection(String answerId, String answersMessageId, String senderAuthority,
            OffsetDateTime at, List<Violation> violations) {
        Rejection rejection = new Rejection();
        rejection.setAnswersMessageId(answersMessageId == null ? "UNKNOWN" : answersMessageId);
        rejection.setRejectedAt(at);
        for (Violation violation : violations) {
            RejectionError error = new RejectionError();
            error.setCode(violation.code());
            error.setPath(violation.path());
            error.setReason(violation.reason());
            rejection.getError().add(error);
        }
        ExchangeMessage answer = answer(answerId, MessageKind.REJECTION, senderAuthority, null, at);
        answer.setRejection(rejection);
        return answer;
    }

    private ExchangeMessage answer(String id, MessageKind kind, String receiver, String caseRef, OffsetDateTime at) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(id);
        envelope.setMessageType(kind);
        envelope.setSender(gatewayAuthority);
        envelope.setReceiver(receiver);
        if (caseRef != null) {
            envelope.getCaseRef().add(caseRef);
        }
        envelope.setSentAt(at);
        envelope.setContractVersion("1.0");
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        return message;
    }

    /** Violations as kept in the ledger's reason column: one per line, {@code CODE|path|reason}. */
    public static String encode(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.code().name() + "|" + v.path() + "|" + v.reason().replace('\n', ' '))
                .collect(Collectors.joining("\n"));
    }

    static List<Violation> decode(String reason) {
        return Arrays.stream(reason.split("\n"))
                .map(line -> line.split("\\|", 3))
                .map(part -> new Violation(ErrorCode.valueOf(part[0]), part[1], part[2]))
                .toList();
    }
}
