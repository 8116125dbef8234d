package cn.consumerexchange.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * Retention frees space on PostgreSQL, where payloads live in the tables' TOAST: after the job's plain
 * {@code VACUUM} new payloads reuse it, and {@code VACUUM FULL} gives it back to the operating system. Payloads are
 * random, so compression does not hide their size. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust), in a
 * schema of its own that is dropped afterwards; runs in the {@code services} Maven profile.
 */
@Tag("services")
class PayloadRetentionPostgresTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final int PAYLOAD_BYTES = 100 * 1024;
    private static final int MESSAGES = 200;
    private static final int QUARANTINED = 40;

    /** Rows {@code (n, p)}: n from 1 to the second parameter, p random bytes, 16 per md5 times the first. */
    private static final String RANDOM_PAYLOADS = """
            select n, (select decode(string_agg(md5(random()::text || n || g), ''), 'hex')
                       from generate_series(1, ?) g) as p
            from generate_series(1, ?) n) payloads""";

    private String schema;
    private JdbcClient jdbc;
    private PayloadRetention retention;

    @BeforeEach
    void setUp() {
        schema = "retention_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema, "postgres", "");
        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema).load().migrate();
        jdbc = JdbcClient.create(database);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        retention = new PayloadRetention(database, new DataSourceTransactionManager(database),
                new OperatorAudit(jdbc, clock), null, clock,
                new RetentionSettings(true, Duration.ofDays(180), null, Duration.ofHours(1), 100, true));
    }

    @AfterEach
    void dropSchema() {
        jdbc.sql("drop schema " + schema + " cascade").update();
    }

    /** Inserts random payloads made by PostgreSQL itself, with their SHA-256, so no 100 KB crosses the wire. */
    void messages(String prefix, int count, Instant settledAt) {
        OffsetDateTime at = settledAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, payload_sha256, payload, state,
                    created_at, updated_at)
                select 'IN', 'SZ', ? || n, encode(sha256(p), 'hex'), p, 'DELIVERED', ?, ? from (""" + RANDOM_PAYLOADS)
                .params(prefix, at, at, PAYLOAD_BYTES / 16, count).update();
        jdbc.sql("""
                insert into ledger_seal (message_row_id, prev_hash, content_hash, entry_hash, sealed_at)
                select id, repeat('0', 64), repeat('0', 64), repeat('0', 64), created_at from ledger_message m
                where not exists (select 1 from ledger_seal s where s.message_row_id = m.id)""").update();
    }

    void quarantined(int count, Instant receivedAt) {
        jdbc.sql("""
                insert into quarantined_input (partner_code, message_id, payload_sha256, payload, error_code, reason,
                    received_at)
                select 'SZ', 'q' || n, encode(sha256(p), 'hex'), p, 'MALFORMED', 'unreadable', ? from (""" + RANDOM_PAYLOADS)
                .params(receivedAt.atOffset(ZoneOffset.UTC), PAYLOAD_BYTES / 16, count).update();
    }

    long size(String table) {
        return jdbc.sql("select pg_total_relation_size(?::regclass)").param(table).query(Long.class).single();
    }

    @Test
    void vacuumFullGivesThePurgedSpaceBack() {
        messages("old-", MESSAGES, NOW.minus(Duration.ofDays(200)));
        messages("young-", 5, NOW.minus(Duration.ofDays(10)));
        quarantined(QUARANTINED, NOW.minus(Duration.ofDays(200)));
        long ledgerBefore = size("ledger_message");
        long quarantineBefore = size("quarantined_input");

        PayloadRetention.Outcome outcome = retention.purge();
        jdbc.sql("vacuum full ledger_message").update();
        jdbc.sql("vacuum full quarantined_input").update();

        assertThat(outcome.ledgerPayloads()).isEqualTo(MESSAGES);
        assertThat(outcome.quarantinedPayloads()).isEqualTo(QUARANTINED);
        assertThat(outcome.bytesFreed()).isEqualTo((MESSAGES + QUARANTINED) * (long) PAYLOAD_BYTES);
        assertThat(ledgerBefore).isGreaterThan(MESSAGES * (long) PAYLOAD_BYTES);
        assertThat(size("ledger_message")).isLessThan(ledgerBefore / 20);
        assertThat(size("quarantined_input")).isLessThan(quarantineBefore / 20);
        assertThat(jdbc.sql("select count(*) from ledger_message where payload_purged_at is null").query(Long.class)
                .single()).isEqualTo(5);
    }

    @Test
    void afterTheJobsVacuumNewPayloadsReuseThePurgedSpace() {
        messages("old-", MESSAGES, NOW.minus(Duration.ofDays(200)));
        long before = size("ledger_message");

        retention.purge();
        messages("new-", MESSAGES, NOW.minus(Duration.ofDays(1)));

        assertThat(size("ledger_message")).isLessThan(before + before / 5);
    }
}
