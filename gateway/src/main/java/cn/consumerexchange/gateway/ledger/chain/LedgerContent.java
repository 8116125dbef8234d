package cn.consumerexchange.gateway.ledger.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * What a seal covers of a ledger_message row: the content that never changes after intake. State, reason, attempts
 * and the delivery lease change during delivery and are left out, and so is the receiver: the hub changes an inbound
 * row's receiver when it re-routes a returned case (退回, art. 41), which {@code case_transition} records. The payload
 * is covered by the SHA-256 of its bytes as stored, and its recorded fingerprint ({@code payload_sha256}) besides.
 * Retention empties a payload only after it was sealed and matched its record, and marks the row
 * ({@code payload_purged_at}): a marked row without bytes stands for the recorded fingerprint, so the seal still holds,
 * while bytes that are still there, edited, or gone without the mark, break it.
 */
record LedgerContent(
        long rowId,
        String direction,
        String partnerCode,
        String messageId,
        String messageType,
        String sender,
        String caseRef,
        String gatewayRef,
        String payloadSha256,
        String storedPayloadSha256,
        long createdAtMillis) {

    /** The columns {@link #read} reads, prefixed with {@code m.}. */
    static final String COLUMNS = "m.id, m.direction, m.partner_code, m.message_id, m.message_type, m.sender, "
            + "m.case_ref, m.gateway_ref, m.payload_sha256, m.payload, m.payload_purged_at, m.created_at";

    static LedgerContent read(ResultSet rs) throws SQLException {
        String recorded = rs.getString("payload_sha256");
        byte[] payload = rs.getBytes("payload");
        boolean purged = payload.length == 0 && rs.getObject("payload_purged_at") != null;
        return new LedgerContent(rs.getLong("id"), rs.getString("direction"), rs.getString("partner_code"),
                rs.getString("message_id"), rs.getString("message_type"), rs.getString("sender"),
                rs.getString("case_ref"), rs.getString("gateway_ref"),
                recorded, purged ? recorded : Sha256.hex(payload),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli());
    }

    /** Whether the payload still has the fingerprint recorded at intake. */
    boolean payloadMatchesRecord() {
        return storedPayloadSha256.equals(payloadSha256);
    }

    /**
     * SHA-256 of the canonical form: a version tag, then every field length-prefixed in UTF-8 (null as length -1),
     * so no two different rows encode alike and a database's own text or time formats do not matter.
     */
    String hash() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, "ledger-content-v1");
            out.writeLong(rowId);
            for (String field : new String[] {direction, partnerCode, messageId, messageType, sender, caseRef, gatewayRef, payloadSha256, storedPayloadSha256}) {
                field(out, field);
            }
            out.writeLong(createdAtMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.hex(bytes.toByteArray());
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
