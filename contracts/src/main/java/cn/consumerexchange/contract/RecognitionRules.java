package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.InvestigationRecord;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MediationResult;
import cn.consumerexchange.contract.v1.Money;
import java.util.List;

/**
 * Business rules of what regions share for recognition (互认共享) that the schema cannot express. Evidence
 * has none: its sizes and SHA-256 hashes are fully checked by the schema.
 */
final class RecognitionRules {

    private RecognitionRules() {
    }

    static void check(InvestigationRecord record, FieldChecks checks) {
        checks.notInFuture(record.getDate(), "/ExchangeMessage/InvestigationRecord/Date");
    }

    static void check(MediationResult result, FieldChecks checks) {
        String path = "/ExchangeMessage/MediationResult";
        if (result.getOutcome() == MediationOutcome.AGREEMENT) {
            // The agreement's terms are what the other region is asked to recognise.
            checks.require(result.getTerms(), path + "/Terms", "A mediation agreement needs its terms.");
        }
        List<Money> amounts = result.getAgreedAmount();
        for (int i = 0; i < amounts.size(); i++) {
            checks.amount(amounts.get(i), path + "/" + FieldPaths.step("AgreedAmount", i, amounts.size()));
        }
        checks.notInFuture(result.getDate(), path + "/Date");
    }
}
