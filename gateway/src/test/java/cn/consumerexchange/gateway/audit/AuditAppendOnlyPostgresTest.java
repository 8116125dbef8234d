package cn.consumerexchange.gateway.audit;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The append-only audit trail on PostgreSQL, in a schema of its own per test. Needs PostgreSQL at 127.0.0.1:5432
 * (user postgres, trust); runs in the {@code services} Maven profile.
 */
@Tag("services")
class AuditAppendOnlyPostgresTest extends AbstractAuditAppendOnlyTest {

    private final String schema = "audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    DataSource database() {
        return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + schema,
                "postgres", "");
    }

    @Override
    String schema() {
        return schema;
    }
}
