package cn.consumerexchange.gateway.related;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.notice.HubNotice;
import cn.consumerexchange.gateway.notice.HubNotices;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Tells the other authority of a link (并案告知): the receiver of the case received second gets a status update from
 * the hub about its own case, its state unchanged, whose note names the leading case, the score and the reasons. When
 * the leading case is already accepted, the note offers the art. 16 ground (the same dispute already accepted
 * elsewhere) and the link records the offer; the second case's state is never changed.
 *
 * <p>It is a notice from the hub ({@link HubNotices}: a ledger row of partner {@link CaseTransitions#GATEWAY}), so
 * the ordinary delivery carries it in the receiver's format, retries it and shows it to operators when it fails. A
 * format that cannot carry it leaves the reason on the link, for operators. A pair filed by one partner is that
 * authority's own duplicate, not one across regions: it is linked for operators, and nobody else is told.
 */
@Component
class RelatedCaseNotices {

    /** States in which a case has been accepted (受理) by its receiving authority. */
    static final Set<String> ACCEPTED_STATES = Set.of(CaseState.ACCEPTED.name(), CaseState.IN_MEDIATION.name(),
            CaseState.MEDIATION_PAUSED.name(), CaseState.MEDIATED.name(), CaseState.MEDIATION_ENDED.name());

    private final TransferLedger ledger;
    private final RelatedCaseViews views;
    private final PartnerRegistry partners;
    private final HubNotices notices;

    RelatedCaseNotices(TransferLedger ledger, RelatedCaseViews views, PartnerRegistry partners, HubNotices notices) {
        this.ledger = ledger;
        this.views = views;
        this.partners = partners;
        this.notices = notices;
    }

    /**
     * Queues the notice of a link across regions, once, in the caller's transaction: a link already told (a case
     * looked at again) gives nothing.
     *
     * @return whether a notice was queued
     */
    boolean tell(RelatedCaseLink link) {
        if (link.leadPartner().equals(link.otherPartner())) {
            return false;
        }
        TransferCase lead = ledger.findCase(link.leadRef()).orElseThrow();
        TransferCase other = ledger.findCase(link.otherRef()).orElseThrow();
        boolean art16 = ACCEPTED_STATES.contains(lead.state());
        Partner receiver = partners.require(other.receivingPartner());
        String messageId = "RELATED:" + lead.gatewayRef() + ":" + other.gatewayRef();
        HubNotice notice = new HubNotice(messageId, receiver, List.of(other.gatewayRef(), lead.gatewayRef()),
                CaseState.valueOf(other.state()),
                note(link, lead, partners.require(lead.originPartner()).authority(), art16));
        Optional<String> problem = notices.cannotCarry(notice);
        if (!views.recordNotice(link, problem.isEmpty() ? messageId : null, problem.orElse(null), art16)) {
            return false;
        }
        return problem.isEmpty() && notices.queue(notice);
    }

    /** The note in Chinese and English: the receiving authority's staff read one or the other. */
    static String note(RelatedCaseLink link, TransferCase lead, String leadAuthority, boolean art16) {
        String score = String.format(Locale.ROOT, "%.2f", link.score());
        String chinese = "并案提示：本案与案件 " + lead.gatewayRef() + "（" + leadAuthority + " 先收到，原案件编号 "
                + lead.originCaseNumber() + "）疑似同一纠纷，由先收到的部门主办（第十四条）。相似度 " + score + "；理由："
                + link.reasons().stream().map(MatchReason::chinese).collect(Collectors.joining("；")) + "。"
                + (art16 ? "该案已受理：本投诉可依第十六条不予受理（同一纠纷已由其他部门受理），由贵部门决定，网关不自动适用。" : "");
        String english = "Related case: this complaint looks like the same dispute as case " + lead.gatewayRef()
                + " (received first by " + leadAuthority + ", origin case " + lead.originCaseNumber()
                + "), which leads (art. 14). Score " + score + "; reasons: "
                + link.reasons().stream().map(MatchReason::text).collect(Collectors.joining("; ")) + "."
                + (art16 ? " That case is already accepted: this complaint may be refused under art. 16 (the same"
                        + " dispute already accepted elsewhere); the decision is yours, the gateway applies nothing."
                        : "");
        return chinese + "\n" + english;
    }
}
