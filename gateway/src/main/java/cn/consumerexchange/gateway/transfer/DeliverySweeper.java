package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.DeliveryLedger.DueDelivery;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerCircuits;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.partner.PartnerSwitchboard;

/**
 * Dispatches what the ledger says is due (补发): messages whose retry time has come, and messages held by an attempt
 * whose lease ran out because its process died or its nudge was lost (a crash between the ledger's commit and the
 * broker's). It runs on one gateway instance at a time, holding a lock in the shared database
 * (Spring Integration's {@link JdbcLockRegistry}) for the length of a sweep; a sweep of a dead instance is taken over
 * when its lock expires.
 *
 * <p>Partners switched off are left alone: their messages wait. A partner whose circuit is open gets one message per
 * sweep, the probe that tells whether it is back.
 */
@Component
class DeliverySweeper {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweeper.class);
    static final String LOCK = "delivery-sweeper";

    private final DeliveryLedger ledger;
    private final DeliveryDispatcher dispatcher;
    private final PartnerRegistry partners;
    private final PartnerSwitchboard switchboard;
    private final PartnerCircuits circuits;
    private final JdbcLockRegistry locks;
    private final Clock clock;
    private final Duration dispatchGrace;
    private final int batch;

    DeliverySweeper(DeliveryLedger ledger, DeliveryDispatcher dispatcher, PartnerRegistry partners,
            PartnerSwitchboard switchboard, PartnerCircuits circuits, JdbcLockRegistry locks, Clock clock,
            ExchangeProperties properties) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.partners = partners;
        this.switchboard = switchboard;
        this.circuits = circuits;
        this.locks = locks;
        this.clock = clock;
        this.dispatchGrace = properties.delivery().dispatchGrace();
        this.batch = properties.delivery().sweepBatch();
    }

    @Scheduled(initialDelayString = "${exchange.delivery.sweep-interval:5s}",
            fixedDelayString = "${exchange.delivery.sweep-interval:5s}")
    void sweep() {
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            return;
        }
        try {
            int dispatched = sweepOnce();
            if (dispatched > 0) {
                log.info("Dispatched {} due deliveries", dispatched);
            }
        } catch (RuntimeException e) {
            log.warn("Delivery sweep stopped early: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** One pass over what is due; returns how many messages it dispatched. */
    int sweepOnce() {
        List<String> closed = new ArrayList<>();
        List<DueDelivery> due = new ArrayList<>();
        for (Partner partner : partners.all()) {
            if (!switchboard.shouldDeliver(partner)) {
                continue;
            }
            if (circuits.isOpen(partner.code())) {
                due.addAll(ledger.due(1, List.of(partner.code())));
            } else {
                closed.add(partner.code());
            }
        }
        due.addAll(ledger.due(batch, closed));
        int dispatched = 0;
        for (DueDelivery delivery : due) {
            if (ledger.postpone(delivery.ledgerId(), OffsetDateTime.now(clock).plus(dispatchGrace))) {
                try {
                    dispatcher.dispatch(delivery);
                    dispatched++;
                } catch (RuntimeException e) {
                    // One message that cannot be dispatched must not hold up the others; it stays due in the ledger.
                    log.warn("Could not dispatch {} (ledger row {}) to {}; it is due again in {}: {}", delivery.key(),
                            delivery.ledgerId(), delivery.receiver(), dispatchGrace, e.toString());
                }
            }
        }
        return dispatched;
    }
}
