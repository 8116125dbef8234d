package cn.consumerexchange.gateway.lifecycle;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;

/** A partner reported a state the case cannot take from the one it is in; answered with {@code ILLEGAL_TRANSITION}. */
public class IllegalTransitionException extends RuntimeException {

    static final String STATE_PATH = "/ExchangeMessage/StatusUpdate/State";

    private final transient Violation violation;

    public IllegalTransitionException(String gatewayRef, CaseState current, CaseState reported) {
        this(new Violation(ErrorCode.ILLEGAL_TRANSITION, STATE_PATH, "Case " + gatewayRef + " is " + current
                + "; it cannot go to " + reported + " from there"));
    }

    IllegalTransitionException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    /** Only the authority the case was transferred to returns it (退回, art. 41). */
    public static IllegalTransitionException notTheReceiver(String gatewayRef, CaseState current, String sender) {
        return new IllegalTransitionException(new Violation(ErrorCode.ILLEGAL_TRANSITION, STATE_PATH, "Case "
                + gatewayRef + " is " + current + "; only its receiving authority returns it, not " + sender));
    }

    public Violation violation() {
        return violation;
    }
}
