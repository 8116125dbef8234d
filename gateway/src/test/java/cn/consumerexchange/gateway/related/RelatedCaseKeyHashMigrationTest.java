package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V29 gives every related-case key recorded before it the hash it is now looked up by, so a case recorded before the
 * upgrade is still found as a candidate and still counts for a flag.
 */
class RelatedCaseKeyHashMigrationTest {

    private static final Instant MAY_12 = Instant.parse("2026-05-12T01:00:00Z");

    @Test
    void keysRecordedBeforeAreFoundByTheirHash() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:key-hashes-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).target("28").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String insert = """
                insert into related_case_key (key_kind, key_value, gateway_ref, received_at, partner)
                values (?, ?, ?, ?, 'SZ')""";
        jdbc.update(insert, "CONSUMER_PHONE", "5f0e77aa", "GW-1", Timestamp.from(MAY_12));
        jdbc.update(insert, "RESPONDENT_CODE", "91440300MA5FXXXX1A", "GW-1", Timestamp.from(MAY_12));
        jdbc.update(insert, "RESPONDENT_CODE", "91440300MA5FXXXX1A", "GW-2", Timestamp.from(MAY_12.plusSeconds(60)));

        Flyway.configure().dataSource(dataSource).load().migrate();

        jdbc.query("select key_kind, key_value, key_hash from related_case_key", row -> {
            assertThat(row.getLong(3)).isEqualTo(CaseKey.lookupHash(row.getString(1), row.getString(2)));
        });
        long respondent = new CaseKey(KeyKind.RESPONDENT_CODE, "91440300MA5FXXXX1A").lookupHash();
        assertThat(jdbc.queryForList(RelatedCaseRecords.CASES_BY_KEY_BETWEEN, String.class, respondent,
                Timestamp.from(MAY_12), Timestamp.from(MAY_12.plusSeconds(3600)), 10))
                .as("newest first").containsExactly("GW-2", "GW-1");
        assertThat(jdbc.queryForList(RelatedCaseRecords.CANDIDATES_BY_KEY, String.class,
                new CaseKey(KeyKind.CONSUMER_PHONE, "5f0e77aa").lookupHash(), Timestamp.from(MAY_12), "GW-9", 10))
                .containsExactly("GW-1");
        assertThat(jdbc.queryForList("select index_name from information_schema.indexes"
                + " where table_name = 'related_case_key' and index_name like 'ix_related_case_key_%'", String.class))
                .containsExactlyInAnyOrder("ix_related_case_key_hash", "ix_related_case_key_ref");
    }

    @Test
    void theHashTellsKindsApartAndNeverChanges() {
        CaseKey phone = new CaseKey(KeyKind.CONSUMER_PHONE, "13800138000");

        assertThat(phone.lookupHash()).as("the first 64 bits of SHA-256 of CONSUMER_PHONE:13800138000: stored keys"
                        + " are found by it, so it must never change")
                .isEqualTo(-3140727161954086323L)
                .isNotEqualTo(new CaseKey(KeyKind.CONSUMER_ID, "13800138000").lookupHash())
                .isNotEqualTo(new CaseKey(KeyKind.CONSUMER_PHONE, "13800138001").lookupHash());
    }
}
