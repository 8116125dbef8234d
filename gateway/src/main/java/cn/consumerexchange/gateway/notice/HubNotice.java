package cn.consumerexchange.gateway.notice;

import java.util.List;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.partner.Partner;

/**
 * A notice from the hub (交换中心告知) to one partner about a case: a deadline due or missed, a related case, another
 * authority that received a case first (art. 14). It travels as a contract status update whose state is the case's
 * own, unchanged, and whose note says what the partner is told.
 *
 * @param messageId  stable for what is told, so that telling it again is recognised and nothing is sent twice
 * @param receiver   the partner told
 * @param caseRefs   the case the notice is about, then any other case it names
 * @param state      the case's current state, repeated: a notice never changes it
 * @param note       what the partner is told, in Chinese and English
 */
public record HubNotice(String messageId, Partner receiver, List<String> caseRefs, CaseState state, String note) {

    public HubNotice {
        caseRefs = List.copyOf(caseRefs);
        if (caseRefs.isEmpty()) {
            throw new IllegalArgumentException("A hub notice is about a case");
        }
    }

    /** The case the notice is about. */
    public String gatewayRef() {
        return caseRefs.get(0);
    }
}
