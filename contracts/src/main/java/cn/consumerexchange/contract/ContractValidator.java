package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Checks the business rules of contract v1 that a schema cannot express: credit code check characters
 * (统一社会信用代码), known division codes (行政区划代码), Hong Kong and Macao registration numbers, amounts,
 * nothing dated in the future, the envelope's MessageType against the body, and fields required by a state
 * (a reason for NOT_ACCEPTED or REFUSED). Meant for messages the {@link ContractCodec} has read or will write.
 * Thread-safe.
 */
public final class ContractValidator {

    private static final String MESSAGE_TYPE_PATH = "/ExchangeMessage/Envelope/MessageType";

    private final DivisionCodes divisions;
    private final Clock clock;

    public ContractValidator(DivisionCodes divisions, Clock clock) {
        this.divisions = Objects.requireNonNull(divisions, "divisions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every rule the message breaks, in document order; empty if it breaks none. */
    public List<Violation> validate(ExchangeMessage message) {
        Objects.requireNonNull(message, "message");
        FieldChecks checks = new FieldChecks(divisions, clock);
        Envelope envelope = message.getEnvelope();
        if (envelope != null) {
            checks.notInFuture(envelope.getSentAt(), "/ExchangeMessage/Envelope/SentAt");
        }
        List<MessageKind> bodies = MessageBodies.kindsPresent(message);
        if (bodies.isEmpty()) {
            checks.add(ErrorCode.MISSING_FIELD, "/ExchangeMessage", "A message needs a body.");
        } else if (bodies.size() > 1) {
            checks.add(ErrorCode.SCHEMA_VIOLATION, "/ExchangeMessage", "A message has exactly one body, not "
                    + bodies.stream().map(MessageBodies::elementName).collect(Collectors.joining(", ")) + ".");
        } else {
            MessageKind body = bodies.get(0);
            MessageKind declared = envelope == null ? null : envelope.getMessageType();
            if (declared != null && declared != body) {
                checks.add(ErrorCode.TYPE_MISMATCH, MESSAGE_TYPE_PATH, "MessageType is " + declared
                        + " but the body is " + MessageBodies.elementName(body) + ".");
            }
            checkBody(message, body, checks);
        }
        return checks.violations();
    }

    private static void checkBody(ExchangeMessage message, MessageKind body, FieldChecks checks) {
        switch (body) {
            case COMPLAINT -> ComplaintRules.check(message.getComplaint(), checks);
            case EVIDENCE -> {
                // nothing beyond the schema, see RecognitionRules
            }
            case INVESTIGATION_RECORD -> RecognitionRules.check(message.getInvestigationRecord(), checks);
            case MEDIATION_RESULT -> RecognitionRules.check(message.getMediationResult(), checks);
            case STATUS_UPDATE -> CaseStatusRules.check(message.getStatusUpdate(), checks);
            case ACKNOWLEDGEMENT -> CaseStatusRules.check(message.getAcknowledgement(), checks);
            case REJECTION -> CaseStatusRules.check(message.getRejection(), checks);
            case RETURN_REQUEST -> ReturnRules.check(message.getReturnRequest(), checks);
            case RETURN_DECISION -> ReturnRules.check(message.getReturnDecision(), checks);
            case RETURN_SETTLEMENT -> ReturnRules.check(message.getReturnSettlement(), checks);
            case REPORT -> ComplaintRules.check(message.getReport(), checks);
        }
    }
}
