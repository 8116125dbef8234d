package cn.consumerexchange.gateway.related;

import java.util.List;

/**
 * A likely duplicate (疑似重复投诉): the same dispute filed with two authorities. The lead is the case received first
 * (art. 14: the authority that received it first handles it); the other authority is told, and may be offered the
 * art. 16 ground (already accepted elsewhere), which the gateway never applies by itself.
 *
 * @param offeredAsArt16 whether the other authority was offered the art. 16 ground
 */
public record RelatedCaseLink(String leadRef, String leadPartner, String otherRef, String otherPartner, double score,
        List<MatchReason> reasons, boolean offeredAsArt16) {

    public RelatedCaseLink {
        reasons = List.copyOf(reasons);
    }

    static RelatedCaseLink between(CaseProfile a, CaseProfile b, DuplicateScore.Scored scored) {
        CaseProfile lead = a.receivedBefore(b) ? a : b;
        CaseProfile other = lead == a ? b : a;
        return new RelatedCaseLink(lead.gatewayRef(), lead.partner(), other.gatewayRef(), other.partner(),
                scored.score(), scored.reasons(), false);
    }
}
