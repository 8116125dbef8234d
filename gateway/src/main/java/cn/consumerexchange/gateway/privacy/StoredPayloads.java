package cn.consumerexchange.gateway.privacy;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payloads the gateway keeps as they crossed the wire: of ledger messages and of quarantined input. */
@Repository
class StoredPayloads {

    /**
     * One stored payload.
     *
     * @param partner   whose format it is in: the sender of an inbound message or quarantined input, the receiver of
     *                  an outbound message
     * @param size      the size of what was received; more than {@code bytes} holds for oversize input
     * @param purgedAt  when retention emptied it, or null
     */
    record StoredPayload(String partner, byte[] bytes, String sha256, long size, OffsetDateTime purgedAt) {

        boolean purged() {
            return purgedAt != null;
        }
    }

    private final JdbcClient jdbc;

    StoredPayloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredPayload> ofMessage(long ledgerId) {
        return jdbc.sql("select partner_code, payload, payload_sha256, payload_purged_at from ledger_message "
                        + "where id = ?")
                .param(ledgerId)
                .query((rs, row) -> {
                    byte[] bytes = rs.getBytes(2);
                    return new StoredPayload(rs.getString(1), bytes, rs.getString(3), bytes.length,
                            rs.getObject(4, OffsetDateTime.class));
                })
                .optional();
    }

    Optional<StoredPayload> ofQuarantined(long id) {
        return jdbc.sql("select partner_code, payload, payload_sha256, payload_size, payload_purged_at "
                        + "from quarantined_input where id = ?")
                .param(id)
                .query((rs, row) -> {
                    byte[] bytes = rs.getBytes(2);
                    long size = rs.getLong(4);
                    return new StoredPayload(rs.getString(1), bytes, rs.getString(3),
                            rs.wasNull() ? bytes.length : size, rs.getObject(5, OffsetDateTime.class));
                })
                .optional();
    }
}
