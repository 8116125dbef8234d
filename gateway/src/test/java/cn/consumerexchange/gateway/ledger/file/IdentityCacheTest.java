package cn.consumerexchange.gateway.ledger.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded ledger's identity columns take their ids from a cache of 1,024 (V28): H2 writes the file once when a
 * cache runs out, so ids taken in one transaction no longer cost a write of the file for every 32.
 */
class IdentityCacheTest {

    @TempDir
    Path directory;

    @Test
    void everyIdentityColumnHasTheLargerCache() {
        JdbcTemplate jdbc = migrated();

        List<Integer> caches = jdbc.queryForList("""
                select identity_cache from information_schema.columns
                 where is_identity = 'YES' and table_schema = current_schema""", Integer.class);
        assertThat(caches).hasSizeGreaterThan(10).containsOnly(1024);
    }

    @Test
    void aThousandIdsTakenInOneTransactionWriteTheFileAtMostTwice() throws SQLException {
        JdbcTemplate jdbc = migrated();

        long writes = jdbc.execute((Connection connection) -> {
            connection.setAutoCommit(false);
            long before = fileWrites(connection);
            try (Statement sql = connection.createStatement()) {
                for (int i = 0; i < 1000; i++) {
                    sql.execute("insert into related_case_key (key_kind, key_value, key_hash, gateway_ref,"
                            + " received_at, partner) values ('CONSUMER_PHONE', 'k" + i + "', " + i
                            + ", 'GW-1', current_timestamp, 'SZ')");
                }
            }
            long after = fileWrites(connection);
            connection.rollback();
            return after - before;
        });

        assertThat(writes).as("writes of the file while 1,000 ids were taken").isLessThanOrEqualTo(2);
    }

    private JdbcTemplate migrated() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:file:"
                + directory.resolve("ledger") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static long fileWrites(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                var result = sql.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'info.FILE_WRITE'")) {
            result.next();
            return Long.parseLong(result.getString(1));
        }
    }
}
