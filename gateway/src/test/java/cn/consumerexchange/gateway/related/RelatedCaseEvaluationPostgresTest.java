package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on PostgreSQL: the same precision and recall, the cost per complaint with the database across a
 * socket, and PostgreSQL's plans reading the indexes. Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust); runs
 * in the {@code services} Maven profile.
 */
@Tag("services")
class RelatedCaseEvaluationPostgresTest extends RelatedCaseEvaluationTest {

    @Override
    RelatedCaseDatabase database() {
        return RelatedCaseDatabase.postgres();
    }

    @Test
    @Override
    void candidateLookupsReadTheKeyIndexNotTheTable() {
        database.jdbc.execute("analyze related_case_key");
        Map<String, Object> busiest = database.jdbc.queryForMap("""
                select key_hash from related_case_key where key_kind = 'CONSUMER_PHONE'
                 group by key_hash order by count(*) desc limit 1""");

        assertThat(plan(RelatedCaseRecords.CANDIDATES_BY_KEY, busiest.get("key_hash"),
                Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")), "none", 50))
                .contains("ix_related_case_key_hash").doesNotContain("Seq Scan");
    }

    @Test
    @Override
    void aKeyManyCasesHoldIsReadNewestFirstOnlyUpToTheLimit() {
        database.jdbc.execute("analyze related_case_key");
        Map<String, Object> busiest = database.jdbc.queryForMap("""
                select key_hash from related_case_key
                 group by key_hash order by count(*) desc limit 1""");
        Timestamp from = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
        Timestamp to = Timestamp.from(Instant.parse("2100-01-01T00:00:00Z"));

        assertThat(List.of(
                plan(RelatedCaseRecords.CANDIDATES_BY_KEY, busiest.get("key_hash"), from,
                        "none", 2),
                plan(RelatedCaseRecords.CASES_BY_KEY_BETWEEN, busiest.get("key_hash"), from,
                        to, 2)))
                .allSatisfy(plan -> assertThat(plan).contains("ix_related_case_key_hash")
                        .doesNotContain("Sort").doesNotContain("Seq Scan"));
    }

    @Test
    @Override
    void candidateKeysAreReadByCaseThroughTheirIndex() {
        database.jdbc.execute("analyze related_case_key");
        List<String> refs = filings.stream().limit(2).map(LabelledSet.Filing::ref).toList();

        assertThat(plan(RelatedCaseRecords.KEYS_OF_CASES.replace(":refs", "?, ?"), refs.get(0), refs.get(1)))
                .contains("ix_related_case_key_ref").doesNotContain("Seq Scan");
    }

    @Test
    @Override
    void candidatesProfilesAreReadByCaseThroughTheirPrimaryKeyNotFromEveryProfile() {
        database.jdbc.execute("analyze related_case_profile");
        List<String> refs = filings.stream().limit(2).map(LabelledSet.Filing::ref).toList();

        assertThat(plan(RelatedCaseRecords.PROFILES_OF_CASES.replace(":refs", "?, ?"), refs.get(0), refs.get(1)))
                .contains("related_case_profile_pkey").doesNotContain("Seq Scan");
    }

    private String plan(String sql, Object... args) {
        return String.join("\n", database.jdbc.queryForList("explain analyze " + sql, String.class, args));
    }
}
