package cn.consumerexchange.gateway.failures;

/** A filter that cannot select failures, e.g. one naming a state that is no failure ({@code INVALID_FILTER}). */
public class InvalidFilterException extends IllegalArgumentException {

    public InvalidFilterException(String message) {
        super(message);
    }
}
