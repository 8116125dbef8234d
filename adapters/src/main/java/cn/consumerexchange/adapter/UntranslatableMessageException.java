package cn.consumerexchange.adapter;

import java.util.List;
import java.util.Optional;

import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

/**
 * A native message the adapter cannot read: not well-formed, not of its format, or of a message type it does not
 * carry. Carries the message id as far as the adapter could read it, so the rejection can answer it; whether the
 * contract can carry that id is the gateway's decision, but the id is cut to {@value #MAX_MESSAGE_ID_CHARS}
 * characters, since a sender decides its length.
 */
public class UntranslatableMessageException extends ContractViolationException {

    public static final int MAX_MESSAGE_ID_CHARS = 200;

    private final String messageId;

    public UntranslatableMessageException(String messageId, List<Violation> violations) {
        super(violations);
        this.messageId = messageId == null || messageId.length() <= MAX_MESSAGE_ID_CHARS ? messageId
                : messageId.substring(0, MAX_MESSAGE_ID_CHARS);
    }

    public UntranslatableMessageException(String messageId, ErrorCode code, String path, String reason) {
        this(messageId, List.of(new Violation(code, path, reason)));
    }

    public UntranslatableMessageException(String messageId, String path, String reason) {
        this(messageId, List.of(new Violation(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, path, reason)));
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}
