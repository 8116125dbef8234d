package cn.consumerexchange.gateway.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to evidence bytes: every upload (stored or refused) and every hand-over to a receiver (V9). */
@Repository
public class EvidenceRecords {

    /** How an upload ended. */
    public enum Outcome { STORED, ALREADY_HELD, REFUSED }

    /** How held bytes reached (or failed to reach) a receiver. */
    public enum Way { LINK, DOWNLOAD, LARGE_MESSAGE, FILE }

    private final JdbcClient jdbc;
    private final Clock clock;

    public EvidenceRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One upload as it ended; {@code errorCode} and {@code reason} only for a refusal. */
    public record Upload(String partnerCode, String transport, String sha256, long declaredSize, long receivedSize,
            String caseRef, Outcome outcome, String errorCode, String reason) {
    }

    public void recordUpload(Upload upload) {
        jdbc.sql("""
                insert into evidence_upload (partner_code, transport, sha256, declared_size, received_size, case_ref,
                    outcome, error_code, reason, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(upload.partnerCode(), upload.transport(), upload.sha256(),
                        upload.declaredSize() >= 0 ? upload.declaredSize() : null, upload.receivedSize(),
                        upload.caseRef(), upload.outcome().name(), upload.errorCode(), cut(upload.reason()), now())
                .update();
    }

    public void recordDelivery(String receiverCode, String sha256, Way way, String outcome, String reason) {
        jdbc.sql("""
                insert into evidence_delivery (receiver_code, sha256, way, outcome, reason, delivered_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(receiverCode, sha256, way.name(), outcome, cut(reason), now())
                .update();
    }

    /**
     * Whether the partner may name these bytes in a manifest: it uploaded them itself or was handed them as a
     * receiver. A digest seen elsewhere is not enough to pass bytes on.
     */
    public boolean mayShare(String partnerCode, String sha256) {
        return jdbc.sql("""
                select count(*) from evidence_upload
                 where sha256 = ? and partner_code = ? and outcome in ('STORED', 'ALREADY_HELD')""")
                .params(sha256, partnerCode).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from evidence_delivery where sha256 = ? and receiver_code = ?")
                        .params(sha256, partnerCode).query(Long.class).single() > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String reason) {
        return reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }
}
