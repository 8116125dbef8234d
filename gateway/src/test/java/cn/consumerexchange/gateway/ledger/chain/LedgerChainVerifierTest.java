package cn.consumerexchange.gateway.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Kind;
import cn.consumerexchange.gateway.retention.PayloadRetention;
import cn.consumerexchange.gateway.retention.RetentionSettings;
import cn.consumerexchange.gateway.transfer.Sha256;

/** The sealer and the verifier on an H2 ledger migrated by Flyway, rows written with plain SQL. */
class LedgerChainVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path keys;

    DriverManagerDataSource database;
    JdbcClient jdbc;
    KeyPair key;
    LedgerSealer sealer;
    LedgerChainVerifier verifier;

    @BeforeEach
    void setUp() {
        database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        key = CheckpointKeys.loadOrGenerate(keys.resolve("k.key"), keys.resolve("k.pub"));
        LedgerSeals seals = new LedgerSeals(jdbc);
        ExchangeProperties.LedgerChain settings = new ExchangeProperties.LedgerChain(Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2, Duration.ofHours(24), keys.resolve("k.key"), keys.resolve("k.pub"));
        sealer = new LedgerSealer(seals, key, null, Clock.fixed(NOW, ZoneOffset.UTC), settings,
                new TransactionTemplate(new DataSourceTransactionManager(database)));
        verifier = new LedgerChainVerifier(seals, key.getPublic());
    }

    long row(String messageId, Instant createdAt) {
        byte[] payload = ("<complaint id='" + messageId + "'/>").getBytes(StandardCharsets.UTF_8);
        OffsetDateTime at = createdAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    case_ref, gateway_ref, payload_sha256, payload, state, created_at, updated_at)
                values ('IN', 'SZ', ?, 'COMPLAINT', 'SAMR-GD-SZ', 'SAMR-SH', 'SZ-1', 'GW-1', ?, ?, 'DELIVERED', ?, ?)""")
                .params(messageId, Sha256.hex(payload), payload, at, at)
                .update();
        return jdbc.sql("select id from ledger_message where message_id = ?").param(messageId).query(Long.class)
                .single();
    }

    long sealedRows(long... ids) {
        for (int i = 0; i < ids.length; i++) {
            ids[i] = row("SZ-" + i, NOW.minusSeconds(60));
        }
        sealer.sealOnce();
        sealer.checkpointIfDue();
        return ids[ids.length - 1];
    }

    @Test
    void anUntouchedChainIsIntact() {
        long last = sealedRows(new long[5]);

        ChainVerification result = verifier.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isEqualTo(5);
        assertThat(result.headRowId()).isEqualTo(last);
        assertThat(result.checkpoints()).isEqualTo(1);
        assertThat(result.firstBreak()).isNull();
    }

    @Test
    void rowsYoungerThanTheSettleTimeWaitForTheNextRun() {
        long old = row("SZ-old", NOW.minusSeconds(60));
        row("SZ-young", NOW.minusSeconds(1));
        row("SZ-older-but-after", NOW.minusSeconds(60));

        assertThat(sealer.sealOnce()).isEqualTo(1);
        assertThat(verifier.verify().headRowId()).isEqualTo(old);
    }

    @Test
    void anEditedRowIsTheFirstBrokenEntry() {
        long[] ids = new long[5];
        sealedRows(ids);
        jdbc.sql("update ledger_message set sender = 'SAMR-ZJ' where id = ?").param(ids[2]).update();
        jdbc.sql("update ledger_message set state = 'FAILED', reason = 'x' where id = ?").param(ids[1]).update();

        ChainVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.CONTENT_CHANGED);
        assertThat(result.firstBreak().rowId()).isEqualTo(ids[2]);
        assertThat(result.firstBreak().messageId()).isEqualTo("SZ-2");
        assertThat(result.breaks()).hasSize(1);
    }

    @Test
    void anEditedPayloadIsNamedAsSuch() {
        long[] ids = new long[3];
        sealedRows(ids);
        jdbc.sql("update ledger_message set payload = ? where id = ?")
                .params("<complaint amount='1'/>".getBytes(StandardCharsets.UTF_8), ids[0]).update();

        ChainVerification.Break first = verifier.verify().firstBreak();

        assertThat(first.rowId()).isEqualTo(ids[0]);
        assertThat(first.detail()).contains("payload");
    }

    @Test
    void aDeletedSealIsFound() {
        long[] ids = new long[4];
        sealedRows(ids);
        jdbc.sql("delete from ledger_seal where message_row_id = ?").param(ids[1]).update();

        ChainVerification result = verifier.verify();

        assertThat(result.firstBreak().kind()).isEqualTo(Kind.MISSING_SEAL);
        assertThat(result.firstBreak().rowId()).isEqualTo(ids[1]);
        assertThat(result.breaks()).extracting(ChainVerification.Break::kind)
                .containsExactly(Kind.MISSING_SEAL, Kind.BROKEN_LINK);
    }

    @Test
    void aDeletedRowIsFound() {
        long[] ids = new long[3];
        sealedRows(ids);
        jdbc.sql("delete from ledger_message where id = ?").param(ids[1]).update();

        ChainVerification.Break first = verifier.verify().firstBreak();

        assertThat(first.kind()).isEqualTo(Kind.ROW_MISSING);
        assertThat(first.rowId()).isEqualTo(ids[1]);
    }

    @Test
    void aRewrittenChainDoesNotMatchItsCheckpoint() {
        long[] ids = new long[3];
        long last = sealedRows(ids);
        jdbc.sql("update ledger_message set sender = 'SAMR-ZJ' where id = ?").param(ids[1]).update();
        jdbc.sql("delete from ledger_seal where message_row_id >= ?").param(ids[1]).update();
        sealer.sealOnce();

        ChainVerification result = verifier.verify();

        assertThat(result.firstBreak().kind()).isEqualTo(Kind.CHECKPOINT_HEAD);
        assertThat(result.firstBreak().rowId()).isEqualTo(last);
    }

    @Test
    void aForgedCheckpointSignatureIsFound() {
        long last = sealedRows(new long[3]);
        jdbc.sql("update ledger_checkpoint set signed_at = signed_at + interval '1' hour").update();

        ChainVerification result = verifier.verify();

        assertThat(result.firstBreak().kind()).isEqualTo(Kind.CHECKPOINT_SIGNATURE);
        assertThat(result.firstBreak().rowId()).isEqualTo(last);
    }

    @Test
    void aCheckpointIsSignedOncePerInterval() {
        sealedRows(new long[2]);
        row("SZ-later", NOW.minusSeconds(30));
        sealer.sealOnce();

        assertThat(sealer.checkpointIfDue()).isFalse();
        assertThat(verifier.verify().checkpoints()).isEqualTo(1);
    }

    /** Retention as it runs 200 days from now, keeping payloads for 180. */
    PayloadRetention.Outcome purgeAfter200Days() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(200)), ZoneOffset.UTC);
        return new PayloadRetention(database, new DataSourceTransactionManager(database),
                new OperatorAudit(jdbc, later), null, later,
                new RetentionSettings(true, Duration.ofDays(180), null, Duration.ofHours(1), 2, true)).purge();
    }

    @Test
    void aChainWhosePayloadsRetentionPurgedIsIntact() {
        long[] ids = new long[5];
        long last = sealedRows(ids);
        String recorded = jdbc.sql("select payload_sha256 from ledger_message where id = ?").param(ids[3])
                .query(String.class).single();

        assertThat(purgeAfter200Days().ledgerPayloads()).isEqualTo(5);
        ChainVerification result = verifier.verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.sealedEntries()).isEqualTo(5);
        assertThat(result.headRowId()).isEqualTo(last);
        assertThat(jdbc.sql("""
                select message_id, payload_sha256, created_at, octet_length(payload) from ledger_message where id = ?""")
                .param(ids[3])
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getObject(3, OffsetDateTime.class).toInstant() + " " + rs.getLong(4))
                .single()).isEqualTo("SZ-3 " + recorded + " " + NOW.minusSeconds(60) + " 0");
    }

    @Test
    void anEditedRowIsStillFoundAfterAPurge() {
        long[] ids = new long[4];
        sealedRows(ids);
        purgeAfter200Days();
        jdbc.sql("update ledger_message set message_type = 'STATUS' where id = ?").param(ids[2]).update();

        ChainVerification result = verifier.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBreak().kind()).isEqualTo(Kind.CONTENT_CHANGED);
        assertThat(result.firstBreak().rowId()).isEqualTo(ids[2]);
        assertThat(result.breaks()).hasSize(1);
    }

    @Test
    void aPurgedRowWhoseRecordedFingerprintWasEditedBreaks() {
        long[] ids = new long[3];
        sealedRows(ids);
        purgeAfter200Days();
        jdbc.sql("update ledger_message set payload_sha256 = ? where id = ?")
                .params(Sha256.hex("<complaint amount='1'/>".getBytes(StandardCharsets.UTF_8)), ids[1]).update();

        ChainVerification.Break first = verifier.verify().firstBreak();

        assertThat(first.kind()).isEqualTo(Kind.CONTENT_CHANGED);
        assertThat(first.rowId()).isEqualTo(ids[1]);
    }

    @Test
    void bytesGoneWithoutRetentionsMarkBreakTheChain() {
        long[] ids = new long[3];
        sealedRows(ids);
        jdbc.sql("update ledger_message set payload = ? where id = ?").params(new byte[0], ids[1]).update();

        ChainVerification.Break first = verifier.verify().firstBreak();

        assertThat(first.rowId()).isEqualTo(ids[1]);
        assertThat(first.detail()).contains("payload");
    }

    @Test
    void aMarkedRowThatStillHoldsEditedBytesBreaks() {
        long[] ids = new long[3];
        sealedRows(ids);
        jdbc.sql("update ledger_message set payload = ?, payload_purged_at = ? where id = ?")
                .params("<complaint amount='1'/>".getBytes(StandardCharsets.UTF_8), NOW.atOffset(ZoneOffset.UTC),
                        ids[0]).update();

        ChainVerification.Break first = verifier.verify().firstBreak();

        assertThat(first.rowId()).isEqualTo(ids[0]);
        assertThat(first.detail()).contains("payload");
    }
}
