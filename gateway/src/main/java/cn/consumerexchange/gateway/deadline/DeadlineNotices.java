package cn.consumerexchange.gateway.deadline;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.notice.HubNotice;
import cn.consumerexchange.gateway.notice.HubNotices;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Tells the region holding a case of a clock due soon or missed: a notice from the hub ({@link HubNotices}), in the
 * region's own format, through the normal delivery. The contract has no state for a deadline, so the notice repeats
 * the case's current state and says what is due in its note; the state does not change.
 *
 * <p>The notice is queued in the caller's transaction, which also marks the clock: it is queued exactly when the clock
 * is marked. Its message id names the clock's run and the notice, so each is sent once.
 */
@Component
class DeadlineNotices {

    private final HubNotices notices;
    private final TransferLedger ledger;
    private final PartnerRegistry partners;

    DeadlineNotices(HubNotices notices, TransferLedger ledger, PartnerRegistry partners) {
        this.notices = notices;
        this.ledger = ledger;
        this.partners = partners;
    }

    /** Queues the notice in the caller's transaction; it goes out once that commits. */
    void queue(StoredClock stored, ClockReading reading, DeadlineNotice notice) {
        ClockState clockState = reading.clock();
        String gatewayRef = clockState.caseRef();
        String messageId = "GW-DL-" + stored.id() + "-" + clockState.startedAt().getEpochSecond() + "-"
                + notice.suffix();
        CaseState state = CaseState.valueOf(ledger.findCase(gatewayRef).orElseThrow().state());
        notices.queue(new HubNotice(messageId, partners.require(stored.partner()), List.of(gatewayRef), state,
                text(reading, notice)));
    }

    /** The note, in both languages: which clock, under which provision, due when, and what follows. */
    static String text(ClockReading reading, DeadlineNotice notice) {
        ClockState clockState = reading.clock();
        return notice.heading() + ": " + clockState.kind() + " of case " + clockState.caseRef() + " ("
                + reading.article() + ", " + clockState.ruleSet().order() + ")"
                + (notice == DeadlineNotice.MISSED ? " was due on " : " is due on ") + reading.dueDate()
                + "; when it runs out: " + clockState.rule().whenRunOut();
    }
}
