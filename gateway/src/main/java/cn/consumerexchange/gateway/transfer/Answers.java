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

    /** The contract's ShortText: a path may quote what the sender wrote (a JSON key, say), of any length. */
    private static final int MAX_PATH_CHARS = 256;
    private static final int MAX_REASON_CHARS = 1_000;
    private static final int MAX_ENCODED_VIOLATIONS = 15;

    private final String gatewayAuthority;

    public Answers(ExchangeProperties properties) {
        this.gatewayAuthority = properties.authority();
    }

    public ExchangeMessage acknowledgement(LedgerEntry accepted) {
        return acknowledgement(accepted, null);
    }

    /**
     * An acknowledgement naming the message's case, and after it in the envelope's case references the case linked to
     * it: the report case (举报) opened from a complaint submitted with a report. Every format carries the envelope's
     * case references, so the origin learns both on whatever transport it sent.
     *
     * @param linkedCase the linked case's gateway reference, or {@code null}
     */
    public ExchangeMessage acknowledgement(LedgerEntry accepted, String linkedCase) {
        Acknowledgement ack = new Acknowledgement();
        ack.setAnswersMessageId(accepted.messageId());
        ack.setGatewayReference(accepted.gatewayRef());
        ack.setAcceptedAt(accepted.createdAt());
        ExchangeMessage answer = answer("GW-A-" + accepted.id(), MessageKind.ACKNOWLEDGEMENT, accepted.sender(),
                accepted.gatewayRef(), accepted.createdAt());
        if (linkedCase != null) {
            answer.getEnvelope().getCaseRef().add(linkedCase);
        }
        answer.setAcknowledgement(ack);
        return answer;
    }

    /**
     * The answer to a message the gateway could not record now (its database or broker away, or it is stopping):
     * nothing was accepted, and the sender sends it again later under the same message id.
     */
    public ExchangeMessage unavailable(String answerId, String senderAuthority, OffsetDateTime at, String why) {
        return rejection(answerId, null, senderAuthority, at, List.of(new Violation(ErrorCode.GATEWAY_UNAVAILABLE, "/",
                why + "; nothing was accepted: send the message again later under the same message id")));
    }

    public ExchangeMessage rejection(LedgerEntry rejected) {
        return rejection("GW-R-" + rejected.id(), rejected.messageId(), rejected.sender(), rejected.createdAt(),
                decode(rejected.reason()));
    }

    /**
     * @param answerId         the gateway-made id of this answer
     * @param answersMessageId the id of the message answered; when it is {@code null} (it could not be read, or the
     *                         contract cannot carry it) the answer names the message by {@code answerId}
     * @param senderAuthority  the authority the rejected message came from, if known
     */
    public ExchangeMessage rejection(String answerId, String answersMessageId, String senderAuthority,
            OffsetDateTime at, List<Violation> violations) {
        Rejection rejection = new Rejection();
        rejection.setAnswersMessageId(answersMessageId == null ? answerId : answersMessageId);
        rejection.setRejectedAt(at);
        for (Violation violation : violations) {
            RejectionError error = new RejectionError();
            error.setCode(violation.code());
            error.setPath(printable(violation.path(), MAX_PATH_CHARS));
            error.setReason(printable(violation.reason(), MAX_REASON_CHARS));
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

    /**
     * Violations as kept in the ledger's reason column: one per line, {@code CODE|path|reason}; at most
     * {@value #MAX_ENCODED_VIOLATIONS}, each bounded, so the column always holds them.
     */
    public static String encode(List<Violation> violations) {
        return violations.stream()
                .limit(MAX_ENCODED_VIOLATIONS)
                .map(v -> v.code().name() + "|" + printable(v.path(), MAX_PATH_CHARS).replace('|', '/') + "|"
                        + printable(v.reason(), MAX_REASON_CHARS))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Text fit for an answer and a ledger column: characters XML cannot carry (and line breaks, which separate the
     * encoded violations) become a replacement character, and the text is cut to {@code max} characters. Reasons are
     * the gateway's words, but a path or a reason may quote what the sender wrote.
     */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else if (c >= 0x20 && c < 0xD800 || c >= 0xE000 && c <= 0xFFFD || c == '\t') {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }

    static List<Violation> decode(String reason) {
        return Arrays.stream(reason.split("\n"))
                .map(line -> line.split("\\|", 3))
                .map(part -> new Violation(ErrorCode.valueOf(part[0]), part[1], part[2]))
                .toList();
    }
}
