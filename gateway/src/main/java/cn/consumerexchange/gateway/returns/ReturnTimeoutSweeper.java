package cn.consumerexchange.gateway.returns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the return requests the region of purchase left unanswered past their due time into complaints there (逾期未
 * 答复转投诉). It runs on one gateway instance at a time, holding a lock in the shared database (Spring Integration's
 * {@link JdbcLockRegistry}); "once" does not rest on the lock: each return is concluded by a conditional update under
 * its row lock, in the transaction that files its complaint, so a decision arriving at the same moment and a second
 * sweep both find it concluded.
 */
@Component
class ReturnTimeoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReturnTimeoutSweeper.class);
    static final String LOCK = "return-timeout-sweeper";

    private final ReturnCases cases;
    private final ReturnIntake intake;
    private final JdbcLockRegistry locks;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReturnTimeoutSweeper(ReturnCases cases, ReturnIntake intake, JdbcLockRegistry locks,
            TransactionTemplate transaction, Clock clock) {
        this.cases = cases;
        this.intake = intake;
        this.locks = locks;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${exchange.returns.sweep-interval:1m}",
            fixedDelayString = "${exchange.returns.sweep-interval:1m}")
    void scheduledSweep() {
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            return;
        }
        try {
            sweepOnce(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            log.warn("Return timeout sweep stopped early: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** One pass over the returns overdue at {@code now}, one transaction each; how many became complaints. */
    int sweepOnce(OffsetDateTime now) {
        int concluded = 0;
        for (String gatewayRef : cases.overdue(now)) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(tx -> intake.unanswered(gatewayRef, now)))) {
                    concluded++;
                }
            } catch (RuntimeException e) {
                // One return that cannot be concluded must not hold up the others; the next sweep tries it again.
                log.warn("Could not conclude the overdue return {}: {}", gatewayRef, e.toString());
            }
        }
        if (concluded > 0) {
            log.info("{} unanswered returns became complaints", concluded);
        }
        return concluded;
    }
}
