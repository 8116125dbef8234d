package cn.consumerexchange.gateway.ledger.chain;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

import cn.consumerexchange.gateway.ExchangeProperties;

/**
 * Seals ledger rows after the fact (封存), off the intake's hot path: one seal per row, in id order, each hash covering
 * the one before. A row is sealed once it is older than the settle time, so a transaction that took an id earlier but
 * commits later is not skipped. Once a checkpoint interval has passed it signs the head (每日签名锚点) and logs it, for
 * an operator to keep outside the database. One gateway instance at a time seals, holding a lock in the shared
 * database; the seal's primary key stops a second sealer that raced anyway.
 */
class LedgerSealer {

    private static final Logger log = LoggerFactory.getLogger(LedgerSealer.class);
    static final String LOCK = "ledger-sealer";

    private final LedgerSeals seals;
    private final KeyPair signingKey;
    private final JdbcLockRegistry locks;
    private final Clock clock;
    private final ExchangeProperties.LedgerChain settings;
    private final TransactionOperations transaction;

    LedgerSealer(LedgerSeals seals, KeyPair signingKey, JdbcLockRegistry locks, Clock clock,
            ExchangeProperties.LedgerChain settings, TransactionOperations transaction) {
        this.transaction = transaction;
        this.seals = seals;
        this.signingKey = signingKey;
        this.locks = locks;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${exchange.ledger-chain.seal-interval:2s}",
            fixedDelayString = "${exchange.ledger-chain.seal-interval:2s}")
    void run() {
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            return;
        }
        try {
            sealOnce();
            checkpointIfDue();
        } catch (RuntimeException e) {
            log.warn("Ledger sealing stopped early: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Seals every settled row not sealed yet; returns how many. */
    int sealOnce() {
        Instant settledBefore = clock.instant().minus(settings.settle());
        LedgerSeals.Head head = seals.head().orElse(new LedgerSeals.Head(0, ChainLink.GENESIS));
        long firstUnsettled = seals.firstUnsettledAfter(head.rowId(), settledBefore);
        int sealed = 0;
        while (true) {
            List<LedgerContent> rows = seals.rowsBetween(head.rowId(), firstUnsettled, settings.sealBatch());
            head = seal(head, rows);
            sealed += rows.size();
            if (rows.size() < settings.sealBatch()) {
                return sealed;
            }
        }
    }

    /**
     * Seals the rows after {@code head}, all in one commit: the chain grows by the whole batch or not at all, and the
     * database writes its pages once for the batch rather than once per seal.
     *
     * @return the new head
     */
    private LedgerSeals.Head seal(LedgerSeals.Head head, List<LedgerContent> rows) {
        return transaction.execute(tx -> {
            LedgerSeals.Head last = head;
            for (LedgerContent row : rows) {
                String entryHash = ChainLink.entryHash(last.entryHash(), row.hash());
                seals.insertSeal(row.rowId(), last.entryHash(), row.hash(), entryHash, clock.instant());
                last = new LedgerSeals.Head(row.rowId(), entryHash);
            }
            return last;
        });
    }

    /** Signs the head if it moved and the last checkpoint is older than the interval; returns whether it signed. */
    boolean checkpointIfDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration interval = settings.checkpointInterval();
        var latest = seals.latestCheckpoint();
        if (latest.isPresent() && latest.get().signedAt().plus(interval).isAfter(now)) {
            return false;
        }
        var head = seals.head();
        if (head.isEmpty() || latest.map(last -> last.sealedUpTo() == head.get().rowId()).orElse(false)) {
            return false;
        }
        String signature = CheckpointKeys.sign(signingKey.getPrivate(),
                Checkpoint.signedText(head.get().rowId(), head.get().entryHash(), now));
        seals.insertCheckpoint(head.get().rowId(), head.get().entryHash(), now,
                CheckpointKeys.keyId(signingKey.getPublic()), signature);
        log.info("Ledger checkpoint signed: up to row {}, head {}", head.get().rowId(), head.get().entryHash());
        return true;
    }
}
