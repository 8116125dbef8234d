package cn.consumerexchange.gateway.related;

import java.time.Duration;
import java.util.List;

/**
 * A pattern art. 17 names, for operators to look at (提示): it informs, it never rejects a complaint.
 *
 * @param count       how many complaints (a burst) or complainants (a shared phone) were counted
 * @param window      the period they were counted in
 * @param gatewayRefs the complaints counted, newest first (at most the lookup's cap; the flag's row keeps the newest)
 * @param text        what an operator reads
 */
public record AdvisoryFlag(Kind kind, int count, Duration window, List<String> gatewayRefs, String text) {

    public AdvisoryFlag {
        gatewayRefs = List.copyOf(gatewayRefs);
    }

    public enum Kind {
        /** Many complaints against one respondent in a short time (集中投诉). */
        RESPONDENT_BURST,
        /** Several complainants giving one phone number (多名投诉人使用同一电话). */
        SHARED_PHONE
    }
}
