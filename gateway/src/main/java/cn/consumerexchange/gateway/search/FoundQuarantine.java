package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;

/**
 * Quarantined input as a search lists it: no payload, the reason with personal data masked.
 *
 * @param payloadSize the size of the whole input in bytes
 */
public record FoundQuarantine(long id, String partner, String reference, String messageId, String payloadSha256,
        long payloadSize, String errorCode, String reason, OffsetDateTime receivedAt, boolean payloadPurged) {
}
