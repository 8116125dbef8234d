package cn.consumerexchange.contract;

import java.util.Objects;

/**
 * One reason to reject a message; becomes one {@code Rejection/Error}.
 *
 * @param code   what is wrong, machine-readable
 * @param path   where, as a field path such as {@code /ExchangeMessage/Complaint/Respondent/CreditCode};
 *               {@code Item[2]} marks the second of several repeated elements, {@code @currency} an attribute,
 *               and {@code /} the document as a whole
 * @param reason what is wrong, for people
 */
public record Violation(ErrorCode code, String path, String reason) {

    public Violation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return code + " at " + path + ": " + reason;
    }
}
