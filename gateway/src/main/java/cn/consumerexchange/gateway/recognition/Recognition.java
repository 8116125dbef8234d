package cn.consumerexchange.gateway.recognition;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinks;

/**
 * Recognition (互认) of what partners sign: the intake checks a message's signature and records the verdict with the
 * message; delivery gives the receiver, beside its own-format translation, the signed original (原件: the sender's
 * bytes exactly as sent), the signature as sent and the gateway's verdict. A message unsigned or failing the check is
 * still delivered, marked with its verdict: it is never rejected for it, and never passed off as recognised.
 *
 * <p>The signature is a detached JWS beside the message (HTTP header, queue property, a batch file's sidecar) or, for
 * the XML formats, an XML Signature enveloped in the document; see docs/onboarding.md.
 */
@Component
public class Recognition {

    /** HTTP header of an inbound message and of a delivery: the sender's detached JWS. */
    public static final String HTTP_SIGNATURE = "X-Signature";
    /** HTTP header of a delivery: the gateway's verdict on the signature. */
    public static final String HTTP_VERDICT = "X-Signature-Verdict";
    /** HTTP header of a delivery: a short-lived link to the signed original. */
    public static final String HTTP_ORIGINAL = "X-Signed-Original";
    /** HTTP header of a delivery: the SHA-256 (hex) of the signed original. */
    public static final String HTTP_ORIGINAL_SHA256 = "X-Signed-Original-SHA256";
    /** Queue (JMS, AMQP) property of an inbound message and of a delivery: the sender's detached JWS. */
    public static final String JMS_SIGNATURE = "signature";
    /** Queue property of a delivery: the gateway's verdict on the signature. */
    public static final String JMS_VERDICT = "signatureVerdict";
    /** Queue property of a delivery: the signed original, base64, when it is small enough to travel along. */
    public static final String QUEUE_ORIGINAL = "signedOriginal";
    /** Queue property of a delivery: a short-lived link to the signed original, when it is too large to travel. */
    public static final String QUEUE_ORIGINAL_URL = "signedOriginalUrl";
    /** Queue property of a delivery: the SHA-256 (hex) of the signed original. */
    public static final String QUEUE_ORIGINAL_SHA256 = "signedOriginalSha256";
    /** A longer "signature" is not one of ours, and is not kept. */
    static final int MAX_SIGNATURE_CHARS = 4096;

    private final PartnerCertificates certificates;
    private final SignatureVerifier verifier;
    private final SignatureVerdicts verdicts;
    private final SignedOriginals originals;
    private final ReceiverLinks links;
    private final SignedOriginalFiles files;
    private final AdapterCatalog adapters;
    private final RecognitionSettings settings;
    private final Clock clock;

    public Recognition(PartnerCertificates certificates, SignatureVerifier verifier, SignatureVerdicts verdicts,
            SignedOriginals originals, ReceiverLinks links, SignedOriginalFiles files, AdapterCatalog adapters,
            RecognitionSettings settings, Clock clock) {
        this.certificates = certificates;
        this.verifier = verifier;
        this.verdicts = verdicts;
        this.originals = originals;
        this.links = links;
        this.files = files;
        this.adapters = adapters;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The verdict on a message just received, or empty when there is nothing to record: it came unsigned and its type
     * needs no recognition. A detached JWS that came with the message is checked; without one, a message in an XML
     * format is checked for an enveloped XML Signature.
     */
    public Optional<CheckedSignature> check(Partner sender, byte[] payload, String signature, MessageKind type) {
        if (signature != null && signature.length() > MAX_SIGNATURE_CHARS) {
            return Optional.of(new CheckedSignature(null, SignatureVerdict.of(SignatureVerdict.Outcome.INVALID,
                    "The signature has " + signature.length() + " characters; a detached JWS has far fewer")));
        }
        Optional<PartnerCertificate> certificate = certificates.of(sender.code());
        SignatureVerdict verdict = signature == null && isXml(sender)
                ? verifier.verifyEnveloped(payload, certificate, clock.instant())
                : verifier.verify(payload, signature, certificate, clock.instant());
        if (verdict.outcome() == SignatureVerdict.Outcome.UNSIGNED && !settings.needsRecognition(type)) {
            return Optional.empty();
        }
        return Optional.of(new CheckedSignature(signature, verdict));
    }

    /** Records the verdict with the message's ledger row, in the transaction that writes the row. */
    public void record(long messageRowId, CheckedSignature checked) {
        verdicts.record(messageRowId, checked);
    }

    /**
     * Gives the receiver of a message whose type needs recognition the gateway's verdict, the signature as sent and
     * the signed original, each as its transport carries them: HTTP headers with a link to the original; queue
     * properties with the original inline (or a link when it is large); for a batch file, the sidecar files
     * {@code <file>.original} and {@code <file>.verdict.json}, written before the file itself.
     *
     * @param headers the delivery's headers; for a file partner, they name the file
     */
    public void addToDelivery(MessageKey inbound, MessageKind type, Partner receiver, Map<String, Object> headers) {
        if (!settings.needsRecognition(type)) {
            return;
        }
        SignedOriginal original = originals.find(inbound).orElseThrow(() -> new IllegalStateException(
                "No inbound ledger row for " + inbound + ", which is being delivered"));
        CheckedSignature checked = original.checked();
        String verdict = checked.verdict().outcome().name();
        String sha256 = Sha256.hex(original.bytes());
        switch (receiver.transport()) {
            case HTTP -> {
                headers.put(HTTP_VERDICT, verdict);
                putIfPresent(headers, HTTP_SIGNATURE, checked.signature());
                headers.put(HTTP_ORIGINAL, linkToOriginal(receiver, inbound));
                headers.put(HTTP_ORIGINAL_SHA256, sha256);
            }
            case JMS, AMQP -> {
                headers.put(JMS_VERDICT, verdict);
                putIfPresent(headers, JMS_SIGNATURE, checked.signature());
                headers.put(QUEUE_ORIGINAL_SHA256, sha256);
                if (original.bytes().length <= settings.originalInlineBytes()) {
                    headers.put(QUEUE_ORIGINAL, Base64.getEncoder().encodeToString(original.bytes()));
                } else {
                    headers.put(QUEUE_ORIGINAL_URL, linkToOriginal(receiver, inbound));
                }
            }
            case FILE -> files.write(receiver, (String) headers.get(Endpoints.FILE_NAME_HEADER), original);
        }
    }

    private String linkToOriginal(Partner receiver, MessageKey inbound) {
        return links.linkFor(receiver.code(), settings.linkLifetime(), SignedOriginalController.KIND,
                inbound.partnerCode(), inbound.messageId());
    }

    private boolean isXml(Partner sender) {
        return adapters.forFormat(sender.format()).mediaType().contains("xml");
    }

    private static void putIfPresent(Map<String, Object> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
