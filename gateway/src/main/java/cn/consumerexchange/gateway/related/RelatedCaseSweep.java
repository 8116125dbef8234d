package cn.consumerexchange.gateway.related;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds accepted complaints to the related-case detector (并案) after their acknowledgement, never on the intake's
 * path: the intake answers and hands off as before, and this sweep reads the cases opened since its watermark, one
 * instance at a time (a lock in the shared database, as the delivery sweeper holds).
 *
 * <p>At least once: a case is marked looked at in the transaction that records it, so one missed by a crash or a
 * failure is read again, while it is younger than the horizon. The watermark trails by a margin, so a case whose
 * intake committed after later ones is still read.
 */
@Component
class RelatedCaseSweep {

    private static final Logger log = LoggerFactory.getLogger(RelatedCaseSweep.class);
    static final String LOCK = "related-case-sweep";
    /** Cases looked at in one transaction: a commit per case cost more than the looking under load. */
    static final int CASES_PER_COMMIT = 25;

    private final RelatedCaseCheck check;
    private final JdbcLockRegistry locks;
    private final RelatedCaseSettings.Sweep settings;
    private final Clock clock;
    /** Cases received before it, less the margin, have all been looked at; null until this instance first sweeps. */
    private Instant watermark;

    RelatedCaseSweep(RelatedCaseCheck check, JdbcLockRegistry locks, RelatedCaseSettings settings, Clock clock) {
        this.check = check;
        this.locks = locks;
        this.settings = settings.sweep();
        this.clock = clock;
    }

    /**
     * How far behind the intake the sweep is, as operators read it on {@code GET /api/related/sweep}.
     *
     * @param enabled          whether this instance sweeps at all
     * @param unchecked        cases received within the horizon not yet looked at: ones the sweep has not reached,
     *                         and ones it could not read (their warnings are in the log)
     * @param oldestUnchecked  when the oldest of them was received; null when there is none
     */
    public record Progress(boolean enabled, int unchecked, Instant oldestUnchecked) {
    }

    /** The cases within the horizon this sweep, or the instance that holds its lock, still has to look at. */
    Progress progress() {
        return check.progress(clock.instant().minus(settings.horizon()), settings.enabled());
    }

    @Scheduled(initialDelayString = "${exchange.related.sweep.interval:1s}",
            fixedDelayString = "${exchange.related.sweep.interval:1s}")
    void sweep() {
        if (!settings.enabled()) {
            return;
        }
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            // Another instance sweeps; when this one takes over, it starts again from the horizon.
            watermark = null;
            return;
        }
        try {
            // A full batch says more cases are waiting: go on at once while the watermark moves, rather than fall
            // behind at a batch per interval. The lock's time to live starts again with each batch.
            Instant before = watermark;
            while (sweepOnce() == settings.batch() && !Objects.equals(before, watermark)) {
                before = watermark;
                locks.renewLock(LOCK);
            }
        } catch (RuntimeException e) {
            log.warn("Related-case sweep stopped early: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** One pass; returns how many cases it looked at. */
    int sweepOnce() {
        Instant started = clock.instant();
        Instant horizon = started.minus(settings.horizon());
        if (watermark == null || watermark.isBefore(horizon)) {
            watermark = horizon;
        }
        Instant since = watermark.minus(settings.margin());
        List<RelatedCaseCheck.UncheckedCase> due = check.unchecked(since.isBefore(horizon) ? horizon : since,
                settings.batch());
        Instant reached = due.size() < settings.batch() ? started : due.get(due.size() - 1).receivedAt();
        for (int from = 0; from < due.size(); from += CASES_PER_COMMIT) {
            List<RelatedCaseCheck.UncheckedCase> group =
                    due.subList(from, Math.min(due.size(), from + CASES_PER_COMMIT));
            try {
                check.checkAll(group);
            } catch (RuntimeException groupFailed) {
                // One case that cannot be looked at must not hold up the others: each is tried on its own.
                for (RelatedCaseCheck.UncheckedCase unchecked : group) {
                    reached = checkAlone(unchecked, reached);
                }
            }
        }
        if (reached.isAfter(watermark)) {
            watermark = reached;
        }
        return due.size();
    }

    /** Looks at one case in its own transaction; returns how far the watermark may move. */
    private Instant checkAlone(RelatedCaseCheck.UncheckedCase unchecked, Instant reached) {
        try {
            check.check(unchecked);
            return reached;
        } catch (RuntimeException e) {
            // It stays unchecked, and the watermark stays at it: the next sweep reads it again.
            log.warn("Could not look at case {} for related cases: {}", unchecked.gatewayRef(), e.toString());
            return unchecked.receivedAt().isBefore(reached) ? unchecked.receivedAt() : reached;
        }
    }
}
