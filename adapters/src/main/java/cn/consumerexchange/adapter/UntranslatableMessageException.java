package cn.consumerexchange.adapter;

import java.util.List;
import java.util.Optional;

import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

/**
 * A native message the adapter cannot read: not well-formed, not of its format, or of a message type it does not
 * carry. Carries the message id when the adapter got far enough to read it, so the rejection can answer it.
 */
public class UntranslatableMessageException extends ContractViolationException {

    private final String messageId;

    public UntranslatableMessageException(String messageId, List<Violation> violations) {
        super(violations);
        this.messageId = messageId;
    }

    public UntranslatableMessageException(String messageId, String path, String reason) {
        this(messageId, List.of(new Violation(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, path, reason)));
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}
