package cn.consumerexchange.gateway.transfer;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.ledger.CaseJurisdiction;
import cn.consumerexchange.gateway.ledger.CaseOpened;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.notice.HubNotice;
import cn.consumerexchange.gateway.notice.HubNotices;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Tells the other authorities with jurisdiction that the first to receive a case handles it (管辖告知, Order No. 121
 * art. 14: 多个部门均有管辖权的，由先收到的部门处理). Each gets a notice from the hub ({@link HubNotices}) about the case,
 * in its own format: a status update repeating the case's state, whose note names the case, its origin, the authority
 * that handles it and why, and asks nothing of it. The note carries no consumer's data, only what the case's
 * jurisdiction record holds.
 *
 * <p>The notices are queued in the transaction that opens the case (the event is published there), under the message
 * id {@code ART14:<case>:<partner>}: one per authority and case, however often the opening is looked at again.
 */
@Component
class JurisdictionNotices {

    private static final Logger log = LoggerFactory.getLogger(JurisdictionNotices.class);

    private final HubNotices notices;
    private final PartnerRegistry partners;

    JurisdictionNotices(HubNotices notices, PartnerRegistry partners) {
        this.notices = notices;
        this.partners = partners;
    }

    @EventListener
    void opened(CaseOpened opened) {
        tell(opened.transferCase());
    }

    /** Queues a notice to each other authority with jurisdiction not yet told; returns how many were queued. */
    int tell(TransferCase transfer) {
        CaseJurisdiction jurisdiction = transfer.jurisdiction();
        if (jurisdiction == null || jurisdiction.toTell().isEmpty()) {
            return 0;
        }
        String text = note(transfer, partners.require(transfer.originPartner()).authority(),
                partners.require(transfer.receivingPartner()).authority());
        int queued = 0;
        for (String code : jurisdiction.toTell()) {
            Optional<Partner> other = partners.find(code);
            if (other.isEmpty()) {
                log.warn("Case {}: {} also has jurisdiction but is no longer a partner; not told",
                        transfer.gatewayRef(), code);
                continue;
            }
            HubNotice notice = new HubNotice("ART14:" + transfer.gatewayRef() + ":" + code, other.get(),
                    List.of(transfer.gatewayRef()), CaseState.valueOf(transfer.state()), text);
            Optional<String> problem = notices.cannotCarry(notice);
            if (problem.isPresent()) {
                // Never a reason to refuse the case: the authority stays listed on the case for operators to tell.
                log.warn("Case {}: {} cannot be told under art. 14: {}", transfer.gatewayRef(), code, problem.get());
            } else if (notices.queue(notice)) {
                queued++;
            }
        }
        return queued;
    }

    /** The note in Chinese and English: the case, its origin, who handles it and why (the jurisdiction's record). */
    static String note(TransferCase transfer, String originAuthority, String handlingAuthority) {
        String origin = transfer.originCaseNumber() == null ? "" : "，原案件编号 " + transfer.originCaseNumber();
        String originEn = transfer.originCaseNumber() == null ? "" : ", origin case " + transfer.originCaseNumber();
        List<String> why = transfer.jurisdiction().detailLines();
        String chinese = "管辖告知（第十四条）：案件 " + transfer.gatewayRef() + "（" + originAuthority + " 转来" + origin
                + "）有多个部门均有管辖权，由先收到的 " + handlingAuthority + " 处理。贵部门同样有管辖权，特此告知，无需办理。"
                + (why.isEmpty() ? "" : why.get(0));
        String english = "Jurisdiction notice (art. 14): several authorities have jurisdiction over case "
                + transfer.gatewayRef() + " (from " + originAuthority + originEn + "); " + handlingAuthority
                + " received it first and handles it. Your authority also has jurisdiction and is told so; nothing is"
                + " asked of you." + (why.size() < 2 ? "" : " " + why.get(1));
        return chinese + "\n" + english;
    }
}
