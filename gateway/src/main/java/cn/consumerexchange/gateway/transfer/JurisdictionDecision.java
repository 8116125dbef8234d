package cn.consumerexchange.gateway.transfer;

import java.util.List;

import cn.consumerexchange.gateway.partner.Partner;

/**
 * Which authority handles a complaint or report, by which rule, and why (管辖决定).
 *
 * @param receiver      the partner whose authority handles it
 * @param division      the respondent's division that decided it: the place the deciding rule names
 * @param rule          the rule that decided: an art. 13 rule when one authority has jurisdiction, art. 14 when
 *                      several do
 * @param candidates    every authority of the exchange with jurisdiction, in the order art. 13 names their places
 * @param explanationZh the decision in Chinese, for operators
 * @param explanationEn the same in English
 */
public record JurisdictionDecision(Partner receiver, String division, JurisdictionRule rule,
        List<JurisdictionCandidate> candidates, String explanationZh, String explanationEn) {

    public JurisdictionDecision {
        candidates = List.copyOf(candidates);
    }

    /** The other authorities with jurisdiction, each once: they are told that the receiver handles it (art. 14). */
    public List<Partner> others() {
        return othersThan(candidates, receiver);
    }

    static List<Partner> othersThan(List<JurisdictionCandidate> candidates, Partner receiver) {
        return candidates.stream()
                .map(JurisdictionCandidate::partner)
                .filter(partner -> !partner.code().equals(receiver.code()))
                .distinct()
                .toList();
    }

    /** The explanation as the case keeps it: Chinese, then English. */
    public String detail() {
        return explanationZh + "\n" + explanationEn;
    }
}
