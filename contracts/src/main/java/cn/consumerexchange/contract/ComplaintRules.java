package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import java.util.Set;

/** Business rules of a complaint (消费投诉) that the schema cannot express. */
final class ComplaintRules {

    private static final String PATH = "/ExchangeMessage/Complaint";

    /** Province-level prefixes of Hong Kong (810000) and Macao (820000), whose businesses have no credit code. */
    private static final Set<String> OWN_REGISTER_PREFIXES = Set.of("81", "82");

    private ComplaintRules() {
    }

    static void check(Complaint complaint, FieldChecks checks) {
        if (complaint.getRespondent() != null) {
            checkRespondent(complaint.getRespondent(), checks);
        }
        Purchase purchase = complaint.getPurchase();
        if (purchase != null) {
            checks.notInFuture(purchase.getDate(), PATH + "/Purchase/Date");
            checks.amount(purchase.getAmount(), PATH + "/Purchase/Amount");
        }
        checks.notInFuture(complaint.getReceivedAt(), PATH + "/ReceivedAt");
    }

    private static void checkRespondent(Respondent respondent, FieldChecks checks) {
        String path = PATH + "/Respondent";
        String division = respondent.getDivisionCode();
        checks.knownDivision(division, path + "/DivisionCode");
        if (isHongKongOrMacao(division)) {
            checks.require(respondent.getRegistrationNumber(), path + "/RegistrationNumber",
                    "A Hong Kong or Macao business is identified by its registration number, not a credit code.");
        } else {
            checks.require(respondent.getCreditCode(), path + "/CreditCode",
                    "A mainland business is identified by its unified social credit code (统一社会信用代码).");
            checks.creditCode(respondent.getCreditCode(), path + "/CreditCode");
        }
        if (respondent.getKind() == RespondentKind.PLATFORM_SELLER) {
            // Jurisdiction over a platform seller may fall back to the platform's domicile (Order No. 121, art. 14).
            checks.require(respondent.getPlatformName(), path + "/PlatformName",
                    "A seller on a platform needs the platform's name.");
        }
    }

    private static boolean isHongKongOrMacao(String division) {
        return division != null && division.length() >= 2 && OWN_REGISTER_PREFIXES.contains(division.substring(0, 2));
    }
}
