package cn.consumerexchange.gateway.transfer;

import java.util.Set;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.http.base.HttpOperationFailedException;

import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractViolationException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Why a delivery attempt failed, sorted by what happens next: a transient failure (the partner is down, slow or
 * overloaded) is retried with back-off; a permanent one (the partner refuses the message, or it cannot be written in
 * the partner's format) fails at once and waits for an operator; an open circuit means the partner was not even tried.
 *
 * @param kind   what happens next
 * @param code   the code operators filter by
 * @param reason a readable reason for the ledger, with the partner's answer when there is one
 * @param detail a short description without the partner's answer, which may quote the message and its personal data:
 *               the HTTP status, or the kind of exception
 */
record DeliveryFailure(Kind kind, DeliveryErrorCode code, String reason, String detail) {

    enum Kind {
        TRANSIENT, PERMANENT, CIRCUIT_OPEN
    }

    /** HTTP statuses a partner answers when it may take the message later. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(408, 425, 429);
    private static final int MAX_ANSWER_CHARS = 1_000;

    static DeliveryFailure of(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return new DeliveryFailure(Kind.CIRCUIT_OPEN, DeliveryErrorCode.CIRCUIT_OPEN,
                    "The partner's circuit is open after repeated failures", "circuit open");
        }
        if (failure instanceof HttpOperationFailedException http) {
            int status = http.getStatusCode();
            boolean transientStatus = status >= 500 || RETRYABLE_CLIENT_ERRORS.contains(status);
            return new DeliveryFailure(transientStatus ? Kind.TRANSIENT : Kind.PERMANENT,
                    transientStatus ? DeliveryErrorCode.PARTNER_UNAVAILABLE : DeliveryErrorCode.PARTNER_REFUSED,
                    "HTTP " + status + " from the partner: " + excerpt(http.getResponseBody()), "HTTP " + status);
        }
        if (failure instanceof UntranslatableMessageException || failure instanceof ContractViolationException
                || failure instanceof IllegalArgumentException) {
            return new DeliveryFailure(Kind.PERMANENT, DeliveryErrorCode.NOT_TRANSLATABLE,
                    "Cannot be written in the partner's format: " + describe(failure), kindOf(failure));
        }
        return new DeliveryFailure(Kind.TRANSIENT, DeliveryErrorCode.PARTNER_UNREACHABLE, describe(failure),
                kindOf(failure));
    }

    /**
     * Whether the attempt failed because the partner's queue already has this very message: the broker dropped the
     * send as a duplicate of an earlier attempt's, whose process died before the ledger recorded it delivered.
     */
    static boolean alreadyTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + ": " + excerpt(failure.getMessage());
    }

    /** The exception's kind and its root cause's, never their messages. */
    private static String kindOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = failure.getClass().getSimpleName();
        return root == failure ? kind : kind + " caused by " + root.getClass().getSimpleName();
    }

    private static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return "(no text)";
        }
        return text.length() <= MAX_ANSWER_CHARS ? text : text.substring(0, MAX_ANSWER_CHARS) + "…";
    }
}
