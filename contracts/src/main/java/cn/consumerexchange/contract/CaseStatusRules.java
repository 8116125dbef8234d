package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.Acknowledgement;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Rejection;
import cn.consumerexchange.contract.v1.StatusUpdate;

/** Business rules of status updates, acknowledgements and rejections that the schema cannot express. */
final class CaseStatusRules {

    private CaseStatusRules() {
    }

    static void check(StatusUpdate update, FieldChecks checks) {
        String path = "/ExchangeMessage/StatusUpdate";
        if (update.getState() == CaseState.NOT_ACCEPTED) {
            checks.require(update.getReason(), path + "/Reason",
                    "A case not accepted (不予受理) needs the reason, with its ground under art. 16.");
        }
        checks.notInFuture(update.getAt(), path + "/At");
    }

    static void check(Acknowledgement acknowledgement, FieldChecks checks) {
        checks.notInFuture(acknowledgement.getAcceptedAt(), "/ExchangeMessage/Acknowledgement/AcceptedAt");
    }

    static void check(Rejection rejection, FieldChecks checks) {
        checks.notInFuture(rejection.getRejectedAt(), "/ExchangeMessage/Rejection/RejectedAt");
    }
}
