package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.gateway.ledger.CaseOpened;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;

/**
 * Runs a case's legal clocks from its lifecycle, in the transaction of the opening or transition that moves them (the
 * listeners are synchronous): a clock never disagrees with the case's recorded state.
 *
 * <ul>
 * <li>Opened (转办), or re-routed to another authority after a return: ACCEPTANCE starts for the receiving authority, on
 * its calendar; a re-route starts it afresh for the new receiver, under the rule set of the first receipt.</li>
 * <li>ACCEPTED, NOT_ACCEPTED, RETURNED: ACCEPTANCE stops.</li>
 * <li>IN_MEDIATION from ACCEPTED: MEDIATION starts, counted from the acceptance (art. 23: 60 days 自受理之日起), so a
 * case accepted and closed without mediation has no mediation clock. IN_MEDIATION from MEDIATION_PAUSED resumes it;
 * MEDIATION_PAUSED (testing or appraisal, art. 22) pauses it, the transition's ground as the reason.</li>
 * <li>MEDIATED, MEDIATION_ENDED, CLOSED: whatever still runs stops.</li>
 * </ul>
 * A clock's own rules never refuse a partner's status update: a change a clock cannot take is logged and left.
 */
@Component
class CaseClocks {

    private static final Logger log = LoggerFactory.getLogger(CaseClocks.class);

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
        Instant receivedAt = transfer.receivedAt().toInstant();
        ClockState acceptance = clocks.start(ClockKind.ACCEPTANCE, transfer.gatewayRef(), receivedAt,
                regions.calendarRegionOf(transfer.receivingPartner()));
        store.insert(transfer.receivingPartner(), clocks.read(acceptance, clock.instant()), clock.instant());
    }

    @EventListener
    void moved(CaseTransition change) {
        CaseState to = CaseState.valueOf(change.toState());
        Instant at = change.changedAt().toInstant();
        try {
            switch (to) {
                case TRANSFERRED -> restartAcceptance(change, at);
                case ACCEPTED, NOT_ACCEPTED, RETURNED -> stop(change.gatewayRef(), ClockKind.ACCEPTANCE, at);
                case IN_MEDIATION -> startOrResumeMediation(change, at);
                case MEDIATION_PAUSED -> update(change.gatewayRef(), ClockKind.MEDIATION,
                        running -> running.pause(at, change.ground()));
                case MEDIATED, MEDIATION_ENDED, CLOSED -> {
                    stop(change.gatewayRef(), ClockKind.ACCEPTANCE, at);
                    stop(change.gatewayRef(), ClockKind.MEDIATION, at);
                }
                case RECEIVED -> {
                    // Receipt by the authority changes no clock: acceptance counts from the transfer.
                }
            }
        } catch (ClockTransitionException e) {
            log.warn("Case {} went to {}; its clocks stay as they were: {}", change.gatewayRef(), to, e.getMessage());
        }
    }

    private void restartAcceptance(CaseTransition change, Instant at) {
        TransferCase transfer = ledger.findCase(change.gatewayRef()).orElseThrow();
        ClockState acceptance = clocks.start(ClockKind.ACCEPTANCE, change.gatewayRef(),
                transfer.receivedAt().toInstant(), at, regions.calendarRegionOf(change.receivingPartner()));
        ClockReading reading = clocks.read(acceptance, clock.instant());
        Optional<StoredClock> previous = store.find(change.gatewayRef(), ClockKind.ACCEPTANCE);
        if (previous.isPresent()) {
            store.restart(previous.get().id(), change.receivingPartner(), reading, clock.instant());
        } else {
            store.insert(change.receivingPartner(), reading, clock.instant());
        }
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

    private void stop(String gatewayRef, ClockKind kind, Instant at) {
        store.find(gatewayRef, kind).filter(found -> !found.state().isStopped())
                .ifPresent(found -> save(found, found.state().stop(at)));
    }

    private void update(String gatewayRef, ClockKind kind, UnaryOperator<ClockState> change) {
        store.find(gatewayRef, kind).ifPresent(found -> save(found, change.apply(found.state())));
    }

    private void save(StoredClock found, ClockState changed) {
        store.save(found.id(), clocks.read(changed, clock.instant()), clock.instant());
    }
}
