package cn.consumerexchange.gateway.returns;

import cn.consumerexchange.contract.Violation;

/**
 * A decision or settlement of a return the exchange cannot apply: the return is unknown, already decided, decided by
 * another region than the region of purchase, or the refund does not fit the purchase. The message that carried it is
 * rejected with the violation; the caller's transaction rolls back.
 */
public class ReturnRefusedException extends RuntimeException {

    private final transient Violation violation;

    ReturnRefusedException(Violation violation) {
        super(violation.reason());
        this.violation = violation;
    }

    public Violation violation() {
        return violation;
    }
}
