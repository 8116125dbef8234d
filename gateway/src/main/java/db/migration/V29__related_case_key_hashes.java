package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import cn.consumerexchange.gateway.related.CaseKey;

/**
 * Related-case keys (并案) are looked up by a 64-bit hash of their kind and value ({@link CaseKey#lookupHash}) instead
 * of the two as text. {@code ix_related_case_key_newest} held each key's kind, value, time and case reference: about
 * 100 bytes an entry, and three or four of a complaint's keys land at random places in it, so each commit rewrote a
 * path of its pages, more than a quarter of all the ledger file was written with. {@code ix_related_case_key_hash}
 * holds the hash, the time newest first and the case reference: lookups still read it alone, in its own order, up to
 * their limit. The hash is worked out in Java, as the gateway does for new keys; the table keeps kind and value.
 */
public class V29__related_case_key_hashes extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table related_case_key add column key_hash bigint");
        }
        try (Statement keys = connection.createStatement();
                ResultSet rows = keys.executeQuery("select id, key_kind, key_value from related_case_key");
                PreparedStatement hash = connection.prepareStatement(
                        "update related_case_key set key_hash = ? where id = ?")) {
            int batched = 0;
            while (rows.next()) {
                hash.setLong(1, CaseKey.lookupHash(rows.getString(2), rows.getString(3)));
                hash.setLong(2, rows.getLong(1));
                hash.addBatch();
                if (++batched % BATCH == 0) {
                    hash.executeBatch();
                }
            }
            hash.executeBatch();
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table related_case_key alter column key_hash set not null");
            sql.execute("drop index ix_related_case_key_newest");
            sql.execute("create index ix_related_case_key_hash on related_case_key (key_hash, received_at desc, "
                    + "gateway_ref)");
        }
    }
}
