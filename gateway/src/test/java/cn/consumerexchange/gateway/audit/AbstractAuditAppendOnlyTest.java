package cn.consumerexchange.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail is append-only in the database itself: after the gateway's migrations, a row of
 * {@code operator_action} can be added and read, never changed or deleted, whoever asks. The database is the
 * subclass's choice.
 */
abstract class AbstractAuditAppendOnlyTest {

    JdbcClient jdbc;
    OperatorAudit audit;

    /** A fresh, empty database the gateway's migrations have not run on yet. */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource database = database();
        FluentConfiguration flyway = Flyway.configure().dataSource(database);
        if (schema() != null) {
            flyway.schemas(schema()).defaultSchema(schema());
        }
        flyway.load().migrate();
        jdbc = JdbcClient.create(database);
        audit = new OperatorAudit(jdbc, Clock.systemUTC());
        audit.record("operator", "RETRY_DELIVERY", "message:17", "SZ:SZ-1 to SH", "Shanghai fixed its side");
        audit.denied("viewer", "POST /api/messages/17/retry", "message:17", "trying");
    }

    /** The schema the migrations run in; null for the database's default. */
    String schema() {
        return null;
    }

    @Test
    void actionsAreAddedAndRead() {
        assertThat(audit.of("message:17")).extracting(OperatorAudit.Action::operator, OperatorAudit.Action::outcome,
                        OperatorAudit.Action::reason)
                .containsExactly(tuple("operator", OperatorAudit.Outcome.DONE,
                                "Shanghai fixed its side"),
                        tuple("viewer", OperatorAudit.Outcome.DENIED, "trying"));
    }

    @Test
    void anActionCannotBeChanged() {
        assertThatThrownBy(() -> jdbc.sql("update operator_action set outcome = 'DONE' where operator = 'viewer'")
                .update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(audit.of("message:17")).extracting(OperatorAudit.Action::outcome)
                .containsExactly(OperatorAudit.Outcome.DONE, OperatorAudit.Outcome.DENIED);
    }

    @Test
    void anActionCannotBeDeleted() {
        assertThatThrownBy(() -> jdbc.sql("delete from operator_action where operator = 'viewer'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(audit.of("message:17")).hasSize(2);
    }
}
