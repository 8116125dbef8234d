package cn.consumerexchange.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * An operator's request the gateway refuses, with a machine-readable code: answered as {@code application/problem+json}
 * by {@link OperatorProblems}.
 */
public class OperatorRequestException extends RuntimeException {

    /** Why an operator's request was refused. */
    public enum Code {
        /** A search criterion is not one the ledger knows: an unknown state or type, a malformed time. */
        INVALID_CRITERIA(HttpStatus.BAD_REQUEST),
        /** An action that needs a reason (unmasking personal data, a replay, a bulk retry) came without one. */
        REASON_REQUIRED(HttpStatus.BAD_REQUEST),
        /** A bulk retry's filter that cannot be read, or names what cannot be retried. */
        INVALID_FILTER(HttpStatus.BAD_REQUEST),
        /** No case, message or quarantined input has the reference or id asked for. */
        NOT_FOUND(HttpStatus.NOT_FOUND),
        /** The payload was emptied by retention (保存期限); only its fingerprint is left. */
        PAYLOAD_PURGED(HttpStatus.GONE);

        private final HttpStatus status;

        Code(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Code code;

    public OperatorRequestException(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static OperatorRequestException notFound(String what) {
        return new OperatorRequestException(Code.NOT_FOUND, "No " + what);
    }

    /** The reason given, trimmed; refused when there is none. */
    public static String requireReason(String reason, String action) {
        if (missing(reason)) {
            throw new OperatorRequestException(Code.REASON_REQUIRED, action + " needs a reason (parameter reason)");
        }
        return reason.strip();
    }

    /** Whether an operator gave no reason. */
    public static boolean missing(String reason) {
        return reason == null || reason.isBlank();
    }
}
