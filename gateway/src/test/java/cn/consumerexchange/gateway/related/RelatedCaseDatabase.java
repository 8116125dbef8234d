package cn.consumerexchange.gateway.related;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh database with the gateway's Flyway migrations, opened as the gateway opens it, and the detector over it:
 * in-memory H2 in PostgreSQL mode, or a schema of its own on the machine's PostgreSQL.
 */
final class RelatedCaseDatabase {

    static final String SECRET = "test-related-key-secret";

    final JdbcTemplate jdbc;
    final RelatedCaseRecords records;

    private RelatedCaseDatabase(String url, String user, String schema) {
        // A pool, as the gateway has: a connection opened per statement would cost more than the statements.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(2);
        FluentConfiguration flyway = Flyway.configure().dataSource(dataSource);
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        records = new RelatedCaseRecords(JdbcClient.create(jdbc));
    }

    static RelatedCaseDatabase h2() {
        return new RelatedCaseDatabase("jdbc:h2:mem:related-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", null);
    }

    /** PostgreSQL at 127.0.0.1:5432 (user postgres, trust), as GatewayTestSupport.registerPostgres opens it. */
    static RelatedCaseDatabase postgres() {
        String schema = "related_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new RelatedCaseDatabase("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema,
                "postgres", schema);
    }

    static RelatedCaseSettings settings() {
        return settings(new RelatedCaseSettings.Burst(10, Duration.ofHours(24)),
                new RelatedCaseSettings.SharedPhone(3, Duration.ofDays(90)));
    }

    static RelatedCaseSettings settings(RelatedCaseSettings.Burst burst, RelatedCaseSettings.SharedPhone shared) {
        return new RelatedCaseSettings(SECRET, 0.80, Duration.ofDays(30), Duration.ofDays(365), 50, burst, shared,
                new RelatedCaseSettings.Sweep(true, Duration.ofSeconds(1), 200, Duration.ofSeconds(10), Duration.ofDays(1)));
    }

    RelatedCaseDetector detector(RelatedCaseSettings settings, Function<String, String> homeCallingCode) {
        return new RelatedCaseDetector(records, new AdvisoryFlags(records, settings), settings, homeCallingCode,
                Clock.systemUTC());
    }
}
