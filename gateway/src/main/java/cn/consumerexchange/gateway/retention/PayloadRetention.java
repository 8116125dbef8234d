package cn.consumerexchange.gateway.retention;

import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.function.LongFunction;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Purges payloads past their retention period (保存期限) while every row, its times, ids and recorded SHA-256 stay, so
 * the ledger's hash chain still verifies (see {@code LedgerContent}). A ledger payload is purged when its row is sealed,
 * its message settled ({@code DELIVERED}, or {@code REJECTED} with the sender told) longer ago than the period, the
 * case it belongs to (if any) {@code CLOSED} for as long, and its bytes still match their recorded SHA-256: a message
 * still being delivered, failed and waiting for an operator, or of an open case keeps its bytes, and so does a row the
 * sealer has not reached. Quarantined input is purged once older than the period. Each batch is archived first (when
 * an archive is set), then purged and recorded in the operator audit in one transaction of its own.
 *
 * <p>On PostgreSQL a purge leaves the old bytes as dead TOAST tuples; a plain {@code VACUUM} after the run makes that
 * space reusable by new payloads without blocking intake. Giving it back to the operating system needs
 * {@code VACUUM FULL}, which locks the table against reads and writes while it rewrites it, so that stays an operator's
 * step in a maintenance window (README.md, "Retention").
 */
public class PayloadRetention {

    private static final Logger log = LoggerFactory.getLogger(PayloadRetention.class);
    static final String LOCK = "payload-retention";
    static final String OPERATOR = "retention";
    static final String ACTION = "PURGE_PAYLOADS";

    /** What one run purged, and the archive files it wrote. */
    public record Outcome(int ledgerPayloads, int quarantinedPayloads, long bytesFreed, int skippedMismatches,
            List<Path> archives) {
    }

    private static final String DUE_LEDGER = """
            select m.id, m.partner_code, m.message_id, m.created_at, m.payload_sha256, m.payload
            from ledger_message m
            where m.id > ? and m.payload_purged_at is null and m.updated_at < ?
              and m.state in ('DELIVERED', 'REJECTED')
              and exists (select 1 from ledger_seal s where s.message_row_id = m.id)
              and not exists (select 1 from transfer_case c where c.gateway_ref = m.gateway_ref
                              and (c.state <> 'CLOSED' or c.updated_at >= ?))
            order by m.id limit ?""";

    private static final String DUE_QUARANTINED = """
            select q.id, q.partner_code, q.message_id, q.received_at as created_at, q.payload_sha256, q.payload
            from quarantined_input q
            where q.id > ? and q.payload_purged_at is null and q.received_at < ?
            order by q.id limit ?""";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final OperatorAudit audit;
    private final JdbcLockRegistry locks;
    private final Clock clock;
    private final RetentionSettings settings;
    private final PayloadArchive archive;

    public PayloadRetention(DataSource dataSource, PlatformTransactionManager transactions, OperatorAudit audit,
            JdbcLockRegistry locks, Clock clock, RetentionSettings settings) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.locks = locks;
        this.clock = clock;
        this.settings = settings;
        this.archive = settings.archive() == null ? null : new PayloadArchive(settings.archive());
    }

    @Scheduled(initialDelayString = "${exchange.retention.interval:1h}",
            fixedDelayString = "${exchange.retention.interval:1h}")
    void run() {
        Lock lock = locks.obtain(LOCK);
        if (!lock.tryLock()) {
            return;
        }
        try {
            Outcome outcome = purge();
            if (outcome.ledgerPayloads() + outcome.quarantinedPayloads() > 0) {
                log.info("Retention purged {} ledger and {} quarantined payloads, {} bytes", outcome.ledgerPayloads(),
                        outcome.quarantinedPayloads(), outcome.bytesFreed());
            }
        } catch (RuntimeException e) {
            log.warn("Retention stopped early: {}", e.toString());
        } finally {
            lock.unlock();
        }
    }

    /** Purges every payload past its period, batch by batch; a failed batch stops the run, the ones before it stand. */
    public Outcome purge() {
        Instant cutoff = clock.instant().minus(settings.payloadsAfter());
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        Tally tally = new Tally();
        purgeTable("ledger_message", tally, after -> jdbc.sql(DUE_LEDGER)
                .params(after, before, before, settings.batchSize()).query((rs, n) -> held(rs)).list());
        purgeTable("quarantined_input", tally, after -> jdbc.sql(DUE_QUARANTINED)
                .params(after, before, settings.batchSize()).query((rs, n) -> held(rs)).list());
        if (settings.vacuum() && tally.ledger + tally.quarantined > 0 && onPostgres()) {
            jdbc.sql("vacuum (analyze) ledger_message").update();
            jdbc.sql("vacuum (analyze) quarantined_input").update();
        }
        return new Outcome(tally.ledger, tally.quarantined, tally.bytes, tally.skipped, List.copyOf(tally.archives));
    }

    private static final class Tally {
        int ledger;
        int quarantined;
        long bytes;
        int skipped;
        final List<Path> archives = new ArrayList<>();
    }

    private void purgeTable(String table, Tally tally, LongFunction<List<HeldPayload>> dueAfter) {
        boolean ledger = table.equals("ledger_message");
        for (List<HeldPayload> due = dueAfter.apply(0); !due.isEmpty();
                due = dueAfter.apply(due.get(due.size() - 1).rowId())) {
            List<HeldPayload> batch = new ArrayList<>(due.size());
            for (HeldPayload held : due) {
                if (ledger && !Sha256.hex(held.payload()).equals(held.payloadSha256())) {
                    log.warn("Retention keeps ledger row {}: its payload no longer matches its recorded SHA-256",
                            held.rowId());
                    tally.skipped++;
                } else {
                    batch.add(held);
                }
            }
            if (batch.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            Path archived = archive == null ? null : archive.write(table, batch, now);
            long[] purged = transaction.execute(status -> purgeBatch(table, batch, now, archived));
            if (ledger) {
                tally.ledger += (int) purged[0];
            } else {
                tally.quarantined += (int) purged[0];
            }
            tally.bytes += purged[1];
            if (archived != null) {
                tally.archives.add(archived);
            }
        }
    }

    /** Returns the payloads purged and their bytes; a row another run purged meanwhile is left as it is. */
    private long[] purgeBatch(String table, List<HeldPayload> batch, Instant now, Path archived) {
        long rows = 0;
        long bytes = 0;
        for (HeldPayload held : batch) {
            if (jdbc.sql("update " + table + " set payload = ?, payload_purged_at = ? "
                            + "where id = ? and payload_purged_at is null")
                    .params(new byte[0], now.atOffset(ZoneOffset.UTC), held.rowId()).update() == 1) {
                rows++;
                bytes += held.payload().length;
            }
        }
        audit.record(OPERATOR, ACTION, table, "rows " + batch.get(0).rowId() + ".." + batch.get(batch.size() - 1)
                .rowId() + ": " + rows + " payloads, " + bytes + " bytes, kept " + period()
                + (archived == null ? ", not archived" : ", archived in " + archived));
        return new long[] {rows, bytes};
    }

    private String period() {
        Duration period = settings.payloadsAfter();
        return period.toSeconds() % 86_400 == 0 ? period.toDays() + " days" : period.toString();
    }

    private boolean onPostgres() {
        try {
            return "PostgreSQL".equals(JdbcUtils.extractDatabaseMetaData(dataSource,
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    private static HeldPayload held(ResultSet rs) throws SQLException {
        return new HeldPayload(rs.getLong("id"), rs.getString("partner_code"), rs.getString("message_id"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("payload_sha256"),
                rs.getBytes("payload"));
    }
}
