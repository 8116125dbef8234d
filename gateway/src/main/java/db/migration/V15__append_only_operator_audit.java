package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.h2.api.Trigger;

/**
 * The audit of operator actions (操作审计) becomes append-only: the database itself refuses to change or delete a
 * row, so neither a bug nor someone with the gateway's database login can rewrite who did what. A trigger on each
 * engine, since H2 has no procedural language and PostgreSQL has no Java triggers.
 *
 * <p>Also widens {@code action} so a refused attempt can name its request ({@code POST /api/messages/17/retry}).
 */
public class V15__append_only_operator_audit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table operator_action alter column action set data type varchar(200)");
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                sql.execute("""
                        create function operator_action_is_append_only() returns trigger language plpgsql as $$
                        begin
                            raise exception 'operator_action is append-only: % refused', tg_op
                                using errcode = 'insufficient_privilege';
                        end $$""");
                sql.execute("create trigger operator_action_append_only before update or delete on operator_action "
                        + "for each row execute function operator_action_is_append_only()");
                // A TRUNCATE bypasses row triggers.
                sql.execute("create trigger operator_action_no_truncate before truncate on operator_action "
                        + "for each statement execute function operator_action_is_append_only()");
            } else {
                sql.execute("create trigger operator_action_append_only before update, delete on operator_action "
                        + "for each row call \"" + RefuseChange.class.getName() + "\"");
            }
        }
    }

    /**
     * H2's side: refuses every UPDATE and DELETE on the table it fires for. H2 keeps this class's name in every
     * database it was installed in: renaming or moving it breaks opening them.
     */
    public static final class RefuseChange implements Trigger {

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("operator_action is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                    + " refused", "42501");
        }
    }
}
