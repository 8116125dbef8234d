package cn.consumerexchange.gateway.failures;

import cn.consumerexchange.gateway.web.OperatorRequestException;

/** A filter that cannot select failures, e.g. one naming a state that is no failure ({@code INVALID_FILTER}). */
public class InvalidFilterException extends OperatorRequestException {

    public InvalidFilterException(String message) {
        super(Code.INVALID_FILTER, message);
    }
}
