package cn.consumerexchange.gateway.retention;

import java.time.OffsetDateTime;

/** A payload past its retention period, read with what names it in an archive's manifest. */
record HeldPayload(long rowId, String partnerCode, String messageId, OffsetDateTime createdAt, String payloadSha256,
        byte[] payload) {
}
