package cn.consumerexchange.gateway.failures;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.consumerexchange.gateway.ledger.MessageState;

/**
 * Which failed or waiting deliveries an operator means (失败投递筛选), for browsing and for a bulk retry. Every part
 * left empty matches everything.
 *
 * @param receiver    the receiving partner's code
 * @param states      {@code DELIVERY_FAILED} and/or {@code AWAITING_RETRY}; empty means {@code DELIVERY_FAILED}
 * @param messageType the contract message type, e.g. {@code COMPLAINT}
 * @param errorCode   the error code of the message's last attempt (see {@code transfer.DeliveryErrorCode}); the ledger
 *                    row has no code of its own, and a message failed before attempts were recorded has none
 * @param from        failed (last changed) at or after
 * @param to          failed (last changed) before
 * @param caseRef     the sender's case number, the gateway's reference, or a case reference the message carried
 */
public record FailureFilter(String receiver, List<MessageState> states, String messageType, String errorCode,
        OffsetDateTime from, OffsetDateTime to, String caseRef) {

    /** The states a failure can be in: failed for an operator, or waiting for its next attempt. */
    public static final Set<MessageState> FAILURE_STATES = Set.of(MessageState.DELIVERY_FAILED,
            MessageState.AWAITING_RETRY);

    public FailureFilter {
        receiver = blankToNull(receiver);
        messageType = blankToNull(messageType);
        errorCode = blankToNull(errorCode);
        caseRef = blankToNull(caseRef);
        List<MessageState> chosen = new ArrayList<>(states == null ? List.of() : states);
        chosen.removeIf(state -> state == null);
        if (chosen.isEmpty()) {
            chosen.add(MessageState.DELIVERY_FAILED);
        }
        for (MessageState state : chosen) {
            if (!FAILURE_STATES.contains(state)) {
                throw new InvalidFilterException("Only DELIVERY_FAILED and AWAITING_RETRY can be retried, not "
                        + state);
            }
        }
        states = List.copyOf(chosen.stream().distinct().toList());
    }

    /** The filter as the audit keeps it: only the parts given. */
    public String describe() {
        StringBuilder text = new StringBuilder("states=").append(states);
        append(text, "receiver", receiver);
        append(text, "messageType", messageType);
        append(text, "errorCode", errorCode);
        append(text, "from", from);
        append(text, "to", to);
        append(text, "caseRef", caseRef);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
