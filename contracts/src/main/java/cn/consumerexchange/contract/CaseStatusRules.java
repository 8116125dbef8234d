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
        String ground = switch (update.getState()) {
            case NOT_ACCEPTED -> "A case not accepted (不予受理) needs the reason, with its ground under art. 16.";
            case MEDIATION_ENDED -> "A mediation ended (调解终止) needs the reason, with its ground under art. 23.";
            case RETURNED -> "A case returned (退回) needs the reason the authority has no jurisdiction (art. 41).";
            default -> null;
        };
        if (ground != null) {
            checks.require(update.getReason(), path + "/Reason", ground);
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
