package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Which bodies an {@link ExchangeMessage} carries, named by the {@link MessageKind} of each. */
final class MessageBodies {

    private static final Map<MessageKind, Function<ExchangeMessage, Object>> BODY_OF_KIND = bodies();

    private MessageBodies() {
    }

    /** The kinds of the bodies present, in schema order: exactly one in a valid message. */
    static List<MessageKind> kindsPresent(ExchangeMessage message) {
        return BODY_OF_KIND.entrySet().stream()
                .filter(entry -> entry.getValue().apply(message) != null)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The element name of a body, e.g. {@code InvestigationRecord} for INVESTIGATION_RECORD. */
    static String elementName(MessageKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static Map<MessageKind, Function<ExchangeMessage, Object>> bodies() {
        Map<MessageKind, Function<ExchangeMessage, Object>> bodies = new EnumMap<>(MessageKind.class);
        bodies.put(MessageKind.COMPLAINT, ExchangeMessage::getComplaint);
        bodies.put(MessageKind.EVIDENCE, ExchangeMessage::getEvidence);
        bodies.put(MessageKind.INVESTIGATION_RECORD, ExchangeMessage::getInvestigationRecord);
        bodies.put(MessageKind.MEDIATION_RESULT, ExchangeMessage::getMediationResult);
        bodies.put(MessageKind.STATUS_UPDATE, ExchangeMessage::getStatusUpdate);
        bodies.put(MessageKind.ACKNOWLEDGEMENT, ExchangeMessage::getAcknowledgement);
        bodies.put(MessageKind.REJECTION, ExchangeMessage::getRejection);
        bodies.put(MessageKind.RETURN_REQUEST, ExchangeMessage::getReturnRequest);
        bodies.put(MessageKind.RETURN_DECISION, ExchangeMessage::getReturnDecision);
        bodies.put(MessageKind.RETURN_SETTLEMENT, ExchangeMessage::getReturnSettlement);
        bodies.put(MessageKind.REPORT, ExchangeMessage::getReport);
        return bodies;
    }
}
