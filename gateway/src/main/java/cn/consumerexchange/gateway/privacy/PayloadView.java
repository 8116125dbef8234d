package cn.consumerexchange.gateway.privacy;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A stored payload as any operator may see it: read into the contract with personal data masked, or withheld with
 * its fingerprint when it cannot be read (and so cannot be masked), or gone after retention.
 *
 * @param subject     {@code message:<ledgerId>} or {@code quarantine:<id>}
 * @param format      the partner format it was read through
 * @param contractXml the contract document, personal data masked; null when withheld or purged
 * @param bytes       the size of the payload as received
 * @param reason      why it is withheld
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PayloadView(String subject, String format, boolean withheld, boolean purged, String contractXml,
        String sha256, long bytes, String reason, OffsetDateTime purgedAt) {
}
