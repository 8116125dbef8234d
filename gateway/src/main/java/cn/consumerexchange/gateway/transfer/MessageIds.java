package cn.consumerexchange.gateway.transfer;

import java.util.regex.Pattern;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;

/**
 * Whether a partner's message id (报文编号) can be carried by the contract, the ledger and the answer: 1 to 64
 * characters, letters, digits and {@code . _ : -}, starting with a letter or digit. A message whose id cannot is
 * answered under a gateway-made reference instead, and its id is never echoed.
 */
final class MessageIds {

    static final int MAX_LENGTH = 64;
    private static final Pattern CARRIABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:\\-]*");
    private static final String PATH = "/ExchangeMessage/Envelope/MessageId";

    private MessageIds() {
    }

    static boolean carriable(String messageId) {
        return messageId != null && !messageId.isEmpty() && messageId.length() <= MAX_LENGTH
                && CARRIABLE.matcher(messageId).matches();
    }

    /** Why the id cannot be carried, without repeating it. */
    static Violation unreadable(String messageId) {
        String what;
        if (messageId == null || messageId.isBlank()) {
            what = "No message id could be read from the message";
        } else if (messageId.length() > MAX_LENGTH) {
            what = "The message id has " + messageId.length() + " characters; at most " + MAX_LENGTH + " are allowed";
        } else {
            what = "The message id holds characters other than letters, digits and . _ : - or does not start with "
                    + "a letter or digit";
        }
        return new Violation(ErrorCode.UNREADABLE_MESSAGE_ID, PATH,
                what + "; this answer names the message by the gateway's reference instead");
    }

    /** Whether a reference such as a case number fits the ledger as it is: at most 64 characters XML can carry. */
    static boolean fitsReference(String reference) {
        return reference != null && reference.length() <= MAX_LENGTH
                && Answers.printable(reference, MAX_LENGTH).equals(reference);
    }
}
