package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.CaseOpened;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;

/**
 * Runs a case's legal clocks from its lifecycle, in the transaction of the opening or transition that moves them (the
 * listeners are synchronous): a clock never disagrees with the case's recorded state.
 *
 * <ul>
 * <li>Opened by a complaint (转办): ACCEPTANCE starts for the receiving authority, on its calendar. Opened by a report
 * (举报): CLUE_CHECK starts instead, counted from receipt (线索核查: 自收到材料之日起十五个工作日内核查); a report is
 * checked and a case opened or not (立案或者不予立案), it is not accepted like a complaint.</li>
 * <li>Re-routed to another authority after a return: the clock the case opened with starts afresh for the new
 * receiver, under the rule set of the first receipt.</li>
 * <li>ACCEPTED or NOT_ACCEPTED (for a report: a case opened or not): ACCEPTANCE, CLUE_CHECK and a running
 * JURISDICTION_DISPUTE stop: the authority took the case and decided.</li>
 * <li>RETURNED (退回, art. 41): ACCEPTANCE and CLUE_CHECK stop and JURISDICTION_DISPUTE starts (管辖争议, art. 33),
 * held by the authority that returned it. The hub's re-route to the next partner hands the running dispute to the new
 * receiver; an operator's assignment of the competent authority (指定管辖) settles it.</li>
 * <li>IN_MEDIATION from ACCEPTED: MEDIATION starts, counted from the acceptance (art. 23: 60 days 自受理之日起), so a
 * case accepted and closed without mediation has no mediation clock. IN_MEDIATION from MEDIATION_PAUSED resumes it;
 * MEDIATION_PAUSED (testing or appraisal, art. 22) pauses it, the transition's ground as the reason.</li>
 * <li>MEDIATED, MEDIATION_ENDED, CLOSED: whatever still runs stops.</li>
 * </ul>
 * A clock's own rules never refuse a partner's status update: a change a clock cannot take is logged and left. The
 * contract has no status for a clue check's extension (see {@link ClockState#extend()}), so nothing here extends one.
 */
@Component
class CaseClocks {

    private static final Logger log = LoggerFactory.getLogger(CaseClocks.class);

    /** The clocks an authority's decision on the case stops: it took the case and decided within its period. */
    private static final Set<ClockKind> DECIDED = EnumSet.of(ClockKind.ACCEPTANCE, ClockKind.CLUE_CHECK,
            ClockKind.JURISDICTION_DISPUTE);

    private final LegalClocks clocks;
    private final LegalClockStore store;
    private final CalendarRegions regions;
    private final TransferLedger ledger;
    private final Clock clock;

    CaseClocks(LegalClocks clocks, LegalClockStore store, CalendarRegions regions, TransferLedger ledger,
            Clock clock) {
        this.clocks = clocks;
        this.store = store;
        this.regions = regions;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void opened(CaseOpened opened) {
        TransferCase transfer = opened.transferCase();
        ClockKind first = opened.openedBy() == MessageKind.REPORT ? ClockKind.CLUE_CHECK : ClockKind.ACCEPTANCE;
        ClockState started = clocks.start(first, transfer.gatewayRef(), transfer.receivedAt().toInstant(),
                regions.calendarRegionOf(transfer.receivingPartner()));
        store.insert(transfer.receivingPartner(), clocks.read(started, clock.instant()), clock.instant());
    }

    @EventListener
    void moved(CaseTransition change) {
        CaseState to = CaseState.valueOf(change.toState());
        Instant at = change.changedAt().toInstant();
        try {
            switch (to) {
                case TRANSFERRED -> transferred(change, at);
                case ACCEPTED, NOT_ACCEPTED -> stopRunning(change.gatewayRef(), at, DECIDED);
                case RETURNED -> {
                    stopRunning(change.gatewayRef(), at, EnumSet.of(ClockKind.ACCEPTANCE, ClockKind.CLUE_CHECK));
                    disputeRaised(change, at);
                }
                case IN_MEDIATION -> startOrResumeMediation(change, at);
                case MEDIATION_PAUSED -> update(change.gatewayRef(), ClockKind.MEDIATION,
                        running -> running.pause(at, change.ground()));
                case MEDIATED, MEDIATION_ENDED, CLOSED -> stopRunning(change.gatewayRef(), at,
                        EnumSet.allOf(ClockKind.class));
                case RECEIVED -> {
                    // Receipt by the authority changes no clock: acceptance counts from the transfer.
                }
            }
        } catch (ClockTransitionException e) {
            log.warn("Case {} went to {}; its clocks stay as they were: {}", change.gatewayRef(), to, e.getMessage());
        }
    }

    /** Given to an authority again: by the hub's re-route after a return, or by an operator. */
    private void transferred(CaseTransition change, Instant at) {
        Map<ClockKind, StoredClock> existing = new EnumMap<>(ClockKind.class);
        store.ofCase(change.gatewayRef()).forEach(stored -> existing.put(stored.state().kind(), stored));
        ClockKind first = existing.containsKey(ClockKind.CLUE_CHECK) ? ClockKind.CLUE_CHECK : ClockKind.ACCEPTANCE;
        restart(change, first, Optional.ofNullable(existing.get(first)), at);
        StoredClock dispute = existing.get(ClockKind.JURISDICTION_DISPUTE);
        if (dispute == null || dispute.state().isStopped()) {
            return;
        }
        if (CaseTransitions.GATEWAY.equals(change.reportedBy())) {
            // The hub passed it on to the next partner serving the division: the dispute is not settled until an
            // authority takes it, and the new receiver now holds it.
            store.handOver(dispute.id(), change.receivingPartner(), clock.instant());
        } else {
            // Only an operator moves a returned case to a partner of its choosing: the competent authority assigned.
            save(dispute, dispute.state().stop(at));
        }
    }

    private void restart(CaseTransition change, ClockKind kind, Optional<StoredClock> previous, Instant at) {
        TransferCase transfer = ledger.findCase(change.gatewayRef()).orElseThrow();
        ClockState started = clocks.start(kind, change.gatewayRef(), transfer.receivedAt().toInstant(), at,
                regions.calendarRegionOf(change.receivingPartner()));
        ClockReading reading = clocks.read(started, clock.instant());
        if (previous.isPresent()) {
            store.restart(previous.get().id(), change.receivingPartner(), reading, clock.instant());
        } else {
            store.insert(change.receivingPartner(), reading, clock.instant());
        }
    }

    /**
     * A return is a dispute over jurisdiction (管辖争议, art. 33), to be settled within 7 working days or escalated to
     * the common superior authority. A return while one runs is the same dispute, now held by the latest to return it.
     */
    private void disputeRaised(CaseTransition change, Instant at) {
        Optional<StoredClock> dispute = store.find(change.gatewayRef(), ClockKind.JURISDICTION_DISPUTE);
        if (dispute.isPresent() && !dispute.get().state().isStopped()) {
            store.handOver(dispute.get().id(), change.receivingPartner(), clock.instant());
            return;
        }
        restart(change, ClockKind.JURISDICTION_DISPUTE, dispute, at);
    }

    private void startOrResumeMediation(CaseTransition change, Instant at) {
        Optional<StoredClock> mediation = store.find(change.gatewayRef(), ClockKind.MEDIATION);
        if (mediation.isPresent()) {
            if (mediation.get().state().isPaused()) {
                update(change.gatewayRef(), ClockKind.MEDIATION, running -> running.resume(at));
            }
            return;
        }
        TransferCase transfer = ledger.findCase(change.gatewayRef()).orElseThrow();
        Instant acceptedAt = store.find(change.gatewayRef(), ClockKind.ACCEPTANCE)
                .map(acceptance -> acceptance.state().stoppedAt())
                .orElse(at);
        ClockState started = clocks.start(ClockKind.MEDIATION, change.gatewayRef(),
                transfer.receivedAt().toInstant(), acceptedAt, regions.calendarRegionOf(change.receivingPartner()));
        store.insert(change.receivingPartner(), clocks.read(started, clock.instant()), clock.instant());
    }

    private void stopRunning(String gatewayRef, Instant at, Set<ClockKind> kinds) {
        for (StoredClock found : store.ofCase(gatewayRef)) {
            if (kinds.contains(found.state().kind()) && !found.state().isStopped()) {
                save(found, found.state().stop(at));
            }
        }
    }

    private void update(String gatewayRef, ClockKind kind, UnaryOperator<ClockState> change) {
        store.find(gatewayRef, kind).ifPresent(found -> save(found, change.apply(found.state())));
    }

    private void save(StoredClock found, ClockState changed) {
        store.save(found.id(), clocks.read(changed, clock.instant()), clock.instant());
    }
}
