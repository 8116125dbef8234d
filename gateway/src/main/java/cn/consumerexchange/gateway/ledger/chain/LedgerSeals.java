package cn.consumerexchange.gateway.ledger.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The seal and checkpoint tables (V7), insert-only: nothing here updates or deletes. */
final class LedgerSeals {

    /** The newest seal: the chain's head. */
    record Head(long rowId, String entryHash) {
    }

    /** A seal as stored, with the row it covers if that row still exists ({@code content} null if not). */
    record StoredSeal(long rowId, String prevHash, String contentHash, String entryHash, LedgerContent content,
            String messageId) {
    }

    private final JdbcClient jdbc;

    LedgerSeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Head> head() {
        return jdbc.sql("select message_row_id, entry_hash from ledger_seal order by message_row_id desc limit 1")
                .query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /**
     * The id of the first row after {@code afterRowId} written at or after {@code settledBefore}, or
     * {@link Long#MAX_VALUE}: rows are sealed in id order, so sealing stops there. Found on ids and times alone, so a
     * payload is read only when its row is sealed.
     */
    long firstUnsettledAfter(long afterRowId, Instant settledBefore) {
        return jdbc.sql("""
                select coalesce(min(id), ?) from ledger_message where id > ? and created_at >= ?""")
                .params(Long.MAX_VALUE, afterRowId, settledBefore.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** Rows after {@code afterRowId} and before {@code beforeRowId}, in id order. */
    List<LedgerContent> rowsBetween(long afterRowId, long beforeRowId, int limit) {
        return jdbc.sql("select " + LedgerContent.COLUMNS
                        + " from ledger_message m where m.id > ? and m.id < ? order by m.id limit ?")
                .params(afterRowId, beforeRowId, limit)
                .query((rs, row) -> LedgerContent.read(rs))
                .list();
    }

    void insertSeal(long rowId, String prevHash, String contentHash, String entryHash, Instant sealedAt) {
        jdbc.sql("""
                insert into ledger_seal (message_row_id, prev_hash, content_hash, entry_hash, sealed_at)
                values (?, ?, ?, ?, ?)""")
                .params(rowId, prevHash, contentHash, entryHash, sealedAt.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** Seals after {@code afterRowId} in chain order, each with its row. */
    List<StoredSeal> sealsAfter(long afterRowId, int limit) {
        return jdbc.sql("select s.message_row_id, s.prev_hash, s.content_hash, s.entry_hash, " + LedgerContent.COLUMNS
                        + " from ledger_seal s left join ledger_message m on m.id = s.message_row_id"
                        + " where s.message_row_id > ? order by s.message_row_id limit ?")
                .params(afterRowId, limit)
                .query((rs, row) -> {
                    boolean rowExists = rs.getObject("id") != null;
                    return new StoredSeal(rs.getLong("message_row_id"), rs.getString("prev_hash"),
                            rs.getString("content_hash"), rs.getString("entry_hash"),
                            rowExists ? LedgerContent.read(rs) : null, rs.getString("message_id"));
                })
                .list();
    }

    /** Rows up to the head that have no seal: a seal deleted, or a row slipped in below the head. */
    List<LedgerContent> unsealedUpTo(long headRowId, int limit) {
        return jdbc.sql("select " + LedgerContent.COLUMNS + " from ledger_message m where m.id <= ?"
                        + " and not exists (select 1 from ledger_seal s where s.message_row_id = m.id)"
                        + " order by m.id limit ?")
                .params(headRowId, limit)
                .query((rs, row) -> LedgerContent.read(rs))
                .list();
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("select * from ledger_checkpoint order by id desc limit 1")
                .query((rs, row) -> checkpoint(rs))
                .optional();
    }

    List<Checkpoint> checkpoints() {
        return jdbc.sql("select * from ledger_checkpoint order by id")
                .query((rs, row) -> checkpoint(rs))
                .list();
    }

    void insertCheckpoint(long sealedUpTo, String headHash, Instant signedAt, String keyId, String signature) {
        jdbc.sql("""
                insert into ledger_checkpoint (sealed_up_to, head_hash, signed_at, key_id, signature)
                values (?, ?, ?, ?, ?)""")
                .params(sealedUpTo, headHash, signedAt.atOffset(ZoneOffset.UTC), keyId, signature)
                .update();
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong("id"), rs.getLong("sealed_up_to"), rs.getString("head_hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                rs.getString("signature"));
    }
}
