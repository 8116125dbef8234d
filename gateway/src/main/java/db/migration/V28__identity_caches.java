package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On the embedded H2 database, every identity column hands out its ids from a cache of 1,024 instead of H2's 32.
 * H2 records how far a sequence has handed out ids in a commit of its own each time its cache runs out, and with
 * every commit written at once ({@code WRITE_DELAY=0}) that is one more write of every page changed since the last:
 * with a complaint taking about a dozen ids across the ledger, the clocks and the related-case keys, one such write
 * for every third complaint. A killed process leaves a gap of up to the cache in a table's ids, as it left up to 32
 * before; ids only order rows, and the ledger chain seals rows by id once they have settled, across gaps.
 *
 * <p>PostgreSQL is left as it is: a sequence step there is a small record in its write-ahead log, and its cache is
 * kept per connection, so ids taken on two connections would no longer follow the order they were taken in.
 */
public class V28__identity_caches extends BaseJavaMigration {

    static final int CACHE = 1024;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<String> columns = new ArrayList<>();
        try (Statement sql = connection.createStatement();
                ResultSet identities = sql.executeQuery("""
                        select table_name, column_name from information_schema.columns
                         where is_identity = 'YES' and table_schema = current_schema order by table_name""")) {
            while (identities.next()) {
                columns.add("alter table \"" + identities.getString(1) + "\" alter column \""
                        + identities.getString(2) + "\" set cache " + CACHE);
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (String alter : columns) {
                sql.execute(alter);
            }
        }
    }
}
