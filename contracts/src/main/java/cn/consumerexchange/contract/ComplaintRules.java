package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.Report;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import java.util.Set;

/** Business rules of a complaint (消费投诉) and a report (举报) that the schema cannot express. */
final class ComplaintRules {

    private static final String PATH = "/ExchangeMessage/Complaint";
    private static final String REPORT_PATH = "/ExchangeMessage/Report";

    /** Province-level prefixes of Hong Kong (810000) and Macao (820000), whose businesses have no credit code. */
    private static final Set<String> OWN_REGISTER_PREFIXES = Set.of("81", "82");

    private ComplaintRules() {
    }

    static void check(Complaint complaint, FieldChecks checks) {
        if (complaint.getRespondent() != null) {
            checkRespondent(complaint.getRespondent(), PATH + "/Respondent", checks);
        }
        Purchase purchase = complaint.getPurchase();
        if (purchase != null) {
            checks.notInFuture(purchase.getDate(), PATH + "/Purchase/Date");
            checks.amount(purchase.getAmount(), PATH + "/Purchase/Amount");
        }
        checks.notInFuture(complaint.getReceivedAt(), PATH + "/ReceivedAt");
    }

    static void check(Report report, FieldChecks checks) {
        if (report.getRespondent() != null) {
            checkRespondent(report.getRespondent(), REPORT_PATH + "/Respondent", checks);
        }
        checks.notInFuture(report.getReceivedAt(), REPORT_PATH + "/ReceivedAt");
    }

    private static void checkRespondent(Respondent respondent, String path, FieldChecks checks) {
        String division = respondent.getDivisionCode();
        checks.knownDivision(division, path + "/DivisionCode");
        checks.knownDivision(respondent.getDomicileDivisionCode(), path + "/DomicileDivisionCode");
        checks.knownDivision(respondent.getPlatformDivisionCode(), path + "/PlatformDivisionCode");
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
