package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.ChainStore;
import cn.consumerexchange.contract.v1.PurchasedItem;
import cn.consumerexchange.contract.v1.ReturnDecision;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnPurchase;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.contract.v1.ReturnSettlement;
import java.util.List;

/** Business rules of cross-store returns (异地异店退换货) that the schema cannot express. */
final class ReturnRules {

    private ReturnRules() {
    }

    static void check(ReturnRequest request, FieldChecks checks) {
        String path = "/ExchangeMessage/ReturnRequest";
        ReturnPurchase purchase = request.getPurchase();
        if (purchase != null) {
            checkStore(purchase.getOriginStore(), path + "/Purchase/OriginStore", checks);
            checks.notInFuture(purchase.getDate(), path + "/Purchase/Date");
            List<PurchasedItem> items = purchase.getItem();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + "/Purchase/" + FieldPaths.step("Item", i, items.size());
                checks.amount(items.get(i).getUnitPrice(), itemPath + "/UnitPrice");
            }
            checks.amount(purchase.getAmount(), path + "/Purchase/Amount");
        }
        checkStore(request.getReturnStore(), path + "/ReturnStore", checks);
        checks.notInFuture(request.getRequestedAt(), path + "/RequestedAt");
    }

    static void check(ReturnDecision decision, FieldChecks checks) {
        String path = "/ExchangeMessage/ReturnDecision";
        if (decision.getDecision() == ReturnOutcome.REFUSED) {
            // A refused return becomes a complaint: the consumer and the authority need to know why.
            checks.require(decision.getReason(), path + "/Reason", "A refused return needs the reason.");
        }
        checks.amount(decision.getRefundAmount(), path + "/RefundAmount");
        checks.notInFuture(decision.getDecidedAt(), path + "/DecidedAt");
    }

    /** DueBy is a deadline and may well lie ahead; the refund itself must have happened. */
    static void check(ReturnSettlement settlement, FieldChecks checks) {
        String path = "/ExchangeMessage/ReturnSettlement";
        checks.amount(settlement.getRefundAmount(), path + "/RefundAmount");
        checks.notInFuture(settlement.getRefundedAt(), path + "/RefundedAt");
        checkStore(settlement.getPayer(), path + "/Payer", checks);
        checkStore(settlement.getPayee(), path + "/Payee", checks);
    }

    private static void checkStore(ChainStore store, String path, FieldChecks checks) {
        if (store != null) {
            checks.knownDivision(store.getDivisionCode(), path + "/DivisionCode");
        }
    }
}
