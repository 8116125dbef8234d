package cn.consumerexchange.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.transfer.Sha256;

/** Which payloads retention purges, on an H2 ledger migrated by Flyway, rows written with plain SQL. */
class PayloadRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(200));
    private static final Instant RECENTLY = NOW.minus(Duration.ofDays(10));

    @TempDir
    Path archive;

    DriverManagerDataSource database;
    JdbcClient jdbc;
    OperatorAudit audit;

    @BeforeEach
    void setUp() {
        database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).load().migrate();
        jdbc = JdbcClient.create(database);
        audit = new OperatorAudit(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    PayloadRetention retention(Path archiveTo) {
        return new PayloadRetention(database, new DataSourceTransactionManager(database), audit, null,
                Clock.fixed(NOW, ZoneOffset.UTC),
                new RetentionSettings(true, Duration.ofDays(180), archiveTo, Duration.ofHours(1), 2, true));
    }

    long message(String messageId, String state, String gatewayRef, Instant settledAt, boolean sealed) {
        byte[] payload = ("<complaint id='" + messageId + "'/>").getBytes(StandardCharsets.UTF_8);
        OffsetDateTime at = settledAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into ledger_message (direction, partner_code, message_id, message_type, sender, receiver,
                    case_ref, gateway_ref, payload_sha256, payload, state, created_at, updated_at)
                values ('IN', 'SZ', ?, 'COMPLAINT', 'SAMR-GD-SZ', 'SAMR-SH', 'SZ-1', ?, ?, ?, ?, ?, ?)""")
                .params(messageId, gatewayRef, Sha256.hex(payload), payload, state, at, at)
                .update();
        long id = jdbc.sql("select id from ledger_message where message_id = ?").param(messageId)
                .query(Long.class).single();
        if (sealed) {
            jdbc.sql("insert into ledger_seal values (?, ?, ?, ?, ?)")
                    .params(id, "0".repeat(64), "0".repeat(64), "0".repeat(64), at).update();
        }
        return id;
    }

    void transferCase(String gatewayRef, String state, Instant updatedAt) {
        OffsetDateTime at = updatedAt.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into transfer_case (gateway_ref, origin_partner, origin_case_number, origin_message_id,
                    receiving_partner, receiving_division, state, received_at, updated_at)
                values (?, 'SZ', 'SZ-1', 'SZ-M', 'SH', '310000', ?, ?, ?)""")
                .params(gatewayRef, state, at, at).update();
    }

    long quarantined(String messageId, Instant receivedAt) {
        byte[] payload = ("not a complaint " + messageId).getBytes(StandardCharsets.UTF_8);
        jdbc.sql("""
                insert into quarantined_input (partner_code, message_id, payload_sha256, payload, error_code, reason,
                    received_at)
                values ('SZ', ?, ?, ?, 'MALFORMED', 'unreadable', ?)""")
                .params(messageId, Sha256.hex(payload), payload, receivedAt.atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("select id from quarantined_input where message_id = ?").param(messageId)
                .query(Long.class).single();
    }

    Map<String, Boolean> purgedByMessageId() {
        Map<String, Boolean> purged = new HashMap<>();
        jdbc.sql("select message_id, payload_purged_at, octet_length(payload) from ledger_message")
                .query(rs -> {
                    boolean marked = rs.getObject(2) != null;
                    assertThat(rs.getLong(3) == 0).as("payload emptied exactly when marked").isEqualTo(marked);
                    purged.put(rs.getString(1), marked);
                });
        return purged;
    }

    @Test
    void purgesOnlySealedSettledPayloadsOfClosedCasesPastThePeriod() {
        transferCase("GW-OPEN", "IN_MEDIATION", LONG_AGO);
        transferCase("GW-CLOSED-LONG-AGO", "CLOSED", LONG_AGO);
        transferCase("GW-CLOSED-RECENTLY", "CLOSED", RECENTLY);
        message("delivered-no-case", "DELIVERED", null, LONG_AGO, true);
        message("rejected", "REJECTED", null, LONG_AGO, true);
        message("of-closed-case", "DELIVERED", "GW-CLOSED-LONG-AGO", LONG_AGO, true);
        message("awaiting-retry", "AWAITING_RETRY", null, LONG_AGO, true);
        message("failed-for-operator", "DELIVERY_FAILED", null, LONG_AGO, true);
        message("not-sealed", "DELIVERED", null, LONG_AGO, false);
        message("settled-recently", "DELIVERED", null, RECENTLY, true);
        message("of-open-case", "DELIVERED", "GW-OPEN", LONG_AGO, true);
        message("of-case-closed-recently", "DELIVERED", "GW-CLOSED-RECENTLY", LONG_AGO, true);

        PayloadRetention.Outcome outcome = retention(null).purge();

        assertThat(outcome.ledgerPayloads()).isEqualTo(3);
        assertThat(purgedByMessageId()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "delivered-no-case", true, "rejected", true, "of-closed-case", true,
                "awaiting-retry", false, "failed-for-operator", false, "not-sealed", false,
                "settled-recently", false, "of-open-case", false, "of-case-closed-recently", false));
    }

    @Test
    void keepsAPayloadThatNoLongerMatchesItsRecordedFingerprint() {
        long edited = message("edited", "DELIVERED", null, LONG_AGO, true);
        message("intact", "DELIVERED", null, LONG_AGO, true);
        jdbc.sql("update ledger_message set payload = ? where id = ?")
                .params("<complaint amount='1'/>".getBytes(StandardCharsets.UTF_8), edited).update();

        PayloadRetention.Outcome outcome = retention(null).purge();

        assertThat(outcome.ledgerPayloads()).isEqualTo(1);
        assertThat(outcome.skippedMismatches()).isEqualTo(1);
        assertThat(purgedByMessageId()).containsEntry("edited", false).containsEntry("intact", true);
    }

    @Test
    void purgesQuarantinedInputPastThePeriodAndKeepsItsRecord() {
        long old = quarantined("old", LONG_AGO);
        long young = quarantined("young", RECENTLY);

        PayloadRetention.Outcome outcome = retention(null).purge();

        assertThat(outcome.quarantinedPayloads()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select id, message_id, payload_sha256 is not null, octet_length(payload), payload_purged_at is not null
                from quarantined_input order by id""")
                .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " "
                        + rs.getLong(4) + " " + rs.getBoolean(5))
                .list()).containsExactly(old + " old true 0 true", young + " young true 21 false");
    }

    @Test
    void recordsEveryBatchInTheOperatorAudit() {
        for (int i = 0; i < 3; i++) {
            message("m" + i, "DELIVERED", null, LONG_AGO, true);
        }
        quarantined("q", LONG_AGO);

        PayloadRetention.Outcome outcome = retention(null).purge();

        long bytes = "<complaint id='m0'/>".length() * 3L + "not a complaint q".length();
        assertThat(outcome.bytesFreed()).isEqualTo(bytes);
        assertThat(audit.of("ledger_message")).extracting(OperatorAudit.Action::operator, OperatorAudit.Action::action)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("retention", "PURGE_PAYLOADS")).hasSize(2);
        assertThat(audit.of("ledger_message").get(0).detail()).contains(": 2 payloads, 40 bytes");
        assertThat(audit.of("quarantined_input").get(0).detail()).isEqualTo("rows 1..1: 1 payloads, 17 bytes, kept 180 days, not archived");
    }

    @Test
    void aSecondRunPurgesNothing() {
        message("m", "DELIVERED", null, LONG_AGO, true);
        retention(null).purge();

        PayloadRetention.Outcome again = retention(null).purge();

        assertThat(again.ledgerPayloads() + again.quarantinedPayloads()).isZero();
        assertThat(audit.of("ledger_message")).hasSize(1);
    }

    @Test
    void archivesEachBatchWithItsManifestBeforePurging() throws IOException {
        long first = message("m1", "DELIVERED", null, LONG_AGO, true);
        long second = message("m,2", "DELIVERED", null, LONG_AGO, true);

        PayloadRetention.Outcome outcome = retention(archive).purge();

        Path zip = archive.resolve("2026-11-20").resolve("ledger_message-" + first + "-" + second + ".zip");
        assertThat(outcome.archives()).containsExactly(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(new String(file.getInputStream(file.getEntry(second + ".bin")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("<complaint id='m,2'/>");
            String sha = Sha256.hex("<complaint id='m,2'/>".getBytes(StandardCharsets.UTF_8));
            List<String> manifest = new String(file.getInputStream(file.getEntry("manifest.csv")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertThat(manifest).hasSize(3);
            assertThat(manifest.get(2)).isEqualTo(second + ",SZ,\"m,2\"," + LONG_AGO.atOffset(ZoneOffset.UTC) + ","
                    + sha + "," + sha + ",21");
        }
        assertThat(audit.of("ledger_message").get(0).detail()).endsWith("archived in " + zip);
        assertThat(archive.resolve("2026-11-20")).isDirectoryNotContaining("glob:**.part");
    }
}
