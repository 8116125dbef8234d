package cn.consumerexchange.gateway.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.web.OperatorRequestException;

/**
 * Shows stored payloads to operators (报文查看): masked for everyone, as stored only to a role allowed to unmask, for a
 * reason, and audited (脱敏查看与审计). No unmasked personal data leaves through a read: a payload that cannot be
 * read into the contract, and so cannot be masked, is withheld.
 */
@Service
public class PayloadViews {

    /** The audited action of every unmasking. */
    public static final String UNMASK_PAYLOAD = "UNMASK_PAYLOAD";
    /** How the audit names a ledger message as the subject of an action, as the delivery retry does. */
    public static final String MESSAGE_SUBJECT = "message:";

    private static final Logger log = LoggerFactory.getLogger(PayloadViews.class);

    private final StoredPayloads stored;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final OperatorAudit audit;

    PayloadViews(StoredPayloads stored, PartnerRegistry partners, AdapterCatalog adapters, OperatorAudit audit) {
        this.stored = stored;
        this.partners = partners;
        this.adapters = adapters;
        this.audit = audit;
    }

    /** A payload as stored, with the media type of its format. */
    public record Unmasked(byte[] bytes, MediaType contentType) {
    }

    /**
     * A ledger message's payload, read through its partner's format (the sender's for an inbound row, the receiver's
     * for an outbound one) and masked.
     */
    public PayloadView masked(long ledgerId) {
        String subject = messageSubject(ledgerId);
        StoredPayloads.StoredPayload payload = stored.ofMessage(ledgerId)
                .orElseThrow(() -> OperatorRequestException.notFound("message " + ledgerId));
        Partner partner = partners.find(payload.partner()).orElse(null);
        if (payload.purged()) {
            return new PayloadView(subject, formatOf(partner), false, true, null, payload.sha256(), payload.size(),
                    null, payload.purgedAt());
        }
        if (partner == null) {
            return withheld(subject, null, payload, "The partner " + payload.partner()
                    + " is no longer registered: its format cannot read the payload to mask it");
        }
        try {
            ExchangeMessage message = adapters.forFormat(partner.format()).toContract(payload.bytes());
            return new PayloadView(subject, partner.format(), false, false, MaskedContract.of(message),
                    payload.sha256(), payload.size(), null, null);
        } catch (RuntimeException unreadable) {
            // The exception's text may quote the payload: it stays in the log's class name only.
            log.debug("Payload of {} unreadable as {}: {}", subject, partner.format(),
                    unreadable.getClass().getSimpleName());
            return withheld(subject, partner.format(), payload, "The payload cannot be read as " + partner.format()
                    + ", so its personal data cannot be masked; unmask it with a reason to see it as received");
        }
    }

    /** Quarantined input is never shown masked: most of it cannot be read (that is why it is quarantined). */
    public PayloadView withheldQuarantined(long id) {
        String subject = quarantineSubject(id);
        StoredPayloads.StoredPayload payload = stored.ofQuarantined(id)
                .orElseThrow(() -> OperatorRequestException.notFound("quarantined input " + id));
        String format = partners.find(payload.partner()).map(Partner::format).orElse(null);
        if (payload.purged()) {
            return new PayloadView(subject, format, false, true, null, payload.sha256(), payload.size(), null,
                    payload.purgedAt());
        }
        return withheld(subject, format, payload, "Quarantined input is shown only unmasked, with a reason, as it "
                + "was received" + (payload.bytes().length < payload.size() ? " (its first " + payload.bytes().length
                + " bytes are kept)" : ""));
    }

    /** A ledger message's payload as stored; the unmasking is audited with who and why in the same transaction. */
    @Transactional
    public Unmasked unmasked(long ledgerId, String operator, String reason) {
        String why = OperatorRequestException.requireReason(reason, "Unmasking a payload");
        StoredPayloads.StoredPayload payload = stored.ofMessage(ledgerId)
                .orElseThrow(() -> OperatorRequestException.notFound("message " + ledgerId));
        return unmask(messageSubject(ledgerId), payload, operator, why);
    }

    @Transactional
    public Unmasked unmaskedQuarantined(long id, String operator, String reason) {
        String why = OperatorRequestException.requireReason(reason, "Unmasking a payload");
        StoredPayloads.StoredPayload payload = stored.ofQuarantined(id)
                .orElseThrow(() -> OperatorRequestException.notFound("quarantined input " + id));
        return unmask(quarantineSubject(id), payload, operator, why);
    }

    public static String messageSubject(long ledgerId) {
        return MESSAGE_SUBJECT + ledgerId;
    }

    public static String quarantineSubject(long id) {
        return "quarantine:" + id;
    }

    private Unmasked unmask(String subject, StoredPayloads.StoredPayload payload, String operator, String reason) {
        if (payload.purged()) {
            throw new OperatorRequestException(OperatorRequestException.Code.PAYLOAD_PURGED,
                    "The payload of " + subject + " was purged on " + payload.purgedAt() + "; only its SHA-256 "
                            + payload.sha256() + " is kept");
        }
        // The reason goes into the detail until the audit has a column of its own for it (operator_action.reason).
        audit.record(operator, UNMASK_PAYLOAD, subject, null, reason);
        MediaType type = partners.find(payload.partner())
                .map(partner -> MediaType.parseMediaType(mediaTypeOf(partner)))
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return new Unmasked(payload.bytes(), type);
    }

    private String mediaTypeOf(Partner partner) {
        try {
            PartnerAdapter adapter = adapters.forFormat(partner.format());
            return adapter.mediaType();
        } catch (RuntimeException noAdapter) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }

    private static String formatOf(Partner partner) {
        return partner == null ? null : partner.format();
    }

    private static PayloadView withheld(String subject, String format, StoredPayloads.StoredPayload payload,
            String reason) {
        return new PayloadView(subject, format, true, false, null, payload.sha256(), payload.size(), reason, null);
    }
}
