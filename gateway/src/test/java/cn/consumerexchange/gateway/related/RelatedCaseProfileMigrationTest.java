package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V27 moves the keys the intake kept with a case (V26) into the case's profile: a case accepted before the upgrade
 * and not yet looked at keeps its keys, and when its authority received it.
 */
class RelatedCaseProfileMigrationTest {

    @Test
    void keysKeptWithACaseBecomeItsProfile() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:profiles-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).target("26").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String insert = """
                insert into transfer_case (gateway_ref, origin_partner, origin_case_number, origin_message_id,
                    receiving_partner, receiving_division, state, received_at, updated_at, related_keys,
                    complaint_received_at)
                values (?, 'SZ', ?, ?, 'SH', '310000', 'RECEIVED', timestamp with time zone '2026-05-12 09:00:00+08',
                    timestamp with time zone '2026-05-12 09:00:00+08', ?, ?)""";
        jdbc.update(insert, "GW-1", "SZ-1", "m-1", "CONSUMER_PHONE 5f0e\nPURCHASE_DATE 2026-05-01",
                Timestamp.valueOf("2026-05-10 08:00:00"));
        jdbc.update(insert, "GW-2", "SZ-2", "m-2", "CONSUMER_PHONE 77aa", null);
        jdbc.update(insert, "GW-3", "SZ-3", "m-3", null, null);

        Flyway.configure().dataSource(dataSource).load().migrate();

        List<Map<String, Object>> profiles = jdbc.queryForList("""
                select gateway_ref, partner, case_keys,
                       received_at = (select received_at from transfer_case t where t.gateway_ref = p.gateway_ref)
                           as at_case
                  from related_case_profile p order by gateway_ref""");
        assertThat(profiles).hasSize(2);
        assertThat(profiles.get(0)).containsEntry("gateway_ref", "GW-1").containsEntry("partner", "SZ")
                .containsEntry("case_keys", "CONSUMER_PHONE 5f0e\nPURCHASE_DATE 2026-05-01")
                .containsEntry("at_case", false);
        assertThat(profiles.get(1)).containsEntry("gateway_ref", "GW-2").containsEntry("at_case", true);
    }
}
