package cn.consumerexchange.gateway.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the running legal clocks again and tells of the ones due soon or missed (时限预警与超期标记): each clock is
 * warned once before its due day and flagged once after a miss, to operators (the clock's row, the board, the gauges)
 * and to the holding region (a status update, {@link DeadlineNotices}).
 *
 * <p>It runs on one gateway instance at a time, holding a lock in the shared database (Spring Integration's
 * {@link JdbcLockRegistry}, table {@code int_lock}) for the length of a sweep. "Once" does not rest on the lock: a
 * clock is marked warned or flagged by a conditional update in the transaction that queues its notice, so a second
 * instance, a sweep taken over from a dead one, or a restart finds it marked and does nothing.
 */
@Component
class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    static final String LOCK = "deadline-sweeper";

    private final LegalClockStore store;
    private final LegalClocks clocks;
    private final DeadlineNotices notices;
    private final JdbcLockRegistry locks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int warnWorkingDays;

    DeadlineSweeper(LegalClockStore store, LegalClocks clocks, DeadlineNotices notices, JdbcLockRegistry locks,
            TransactionTemplate transaction, Clock clock, DeadlineSettings settings) {
        this.store = store;
        this.clocks = clocks;
        this.notices = notices;
        this.locks = locks;
        this.transaction = transaction;
        this.clock = clock;
        this.warnWorkingDays = settings.warnWorkingDays();
    }

    /** What one sweep told: warnings and flags queued. */
    record Outcome(int warned, int flagged) {

        static final Outcome NOT_RUN = new Outcome(0, 0);
    }

    @Scheduled(initialDelayString = "${exchange.deadlines.sweep-interval:1m}",
            fixedDelayString = "${exchange.deadlines.sweep-interval:1m}")
    void scheduledSweep() {
        sweep();
    }

    /** A sweep if no other instance holds the lock; {@link Outcome#NOT_RUN} otherwise. */
    Outcome sweep() {
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            return Outcome.NOT_RUN;
        }
        try {
            Outcome outcome = sweepOnce();
            if (outcome.warned() + outcome.flagged() > 0) {
                log.info("Deadline sweep warned {} and flagged {} clocks", outcome.warned(), outcome.flagged());
            }
            return outcome;
        } catch (RuntimeException e) {
            log.warn("Deadline sweep stopped early: {}", e.toString());
            return Outcome.NOT_RUN;
        } finally {
            lock.unlock();
        }
    }

    /** One pass over the running clocks that may have come due; one transaction per clock. */
    Outcome sweepOnce() {
        Instant now = clock.instant();
        // Generous in calendar days: the warning's working days can span a week-long holiday (Spring Festival).
        LocalDate dueBy = LocalDate.ofInstant(now, CalendarRegion.CN.zone()).plusDays(14 + 7L * warnWorkingDays);
        int warned = 0;
        int flagged = 0;
        for (StoredClock stored : store.runningDueBy(dueBy)) {
            try {
                DeadlineNotice told = transaction.execute(tx -> count(stored, now));
                if (told == DeadlineNotice.WARNING) {
                    warned++;
                } else if (told == DeadlineNotice.MISSED) {
                    flagged++;
                }
            } catch (RuntimeException e) {
                // One clock that cannot be counted must not hold up the others; the next sweep tries it again.
                log.warn("Could not count the {} clock of case {}: {}", stored.state().kind(),
                        stored.state().caseRef(), e.toString());
            }
        }
        return new Outcome(warned, flagged);
    }

    private DeadlineNotice count(StoredClock stored, Instant now) {
        ClockReading reading = clocks.read(stored.state(), now);
        store.recount(stored.id(), reading, now);
        if (reading.status() == ClockStatus.DUE_SOON && stored.warnedAt() == null
                && store.markWarned(stored.id(), now)) {
            notices.queue(stored, reading, DeadlineNotice.WARNING);
            return DeadlineNotice.WARNING;
        }
        if (reading.status() == ClockStatus.MISSED && stored.flaggedAt() == null
                && store.markFlagged(stored.id(), now)) {
            notices.queue(stored, reading, DeadlineNotice.MISSED);
            return DeadlineNotice.MISSED;
        }
        return null;
    }
}
