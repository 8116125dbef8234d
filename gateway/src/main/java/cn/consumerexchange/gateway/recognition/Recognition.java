package cn.consumerexchange.gateway.recognition;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;

/**
 * Recognition (互认) of what partners sign: the intake checks a message's signature and records the verdict with the
 * message; delivery gives the receiver the verdict and the signature as sent. A message unsigned or failing the check
 * is still delivered, marked with its verdict: it is never rejected for it, and never passed off as recognised.
 */
@Component
public class Recognition {

    /** HTTP header of an inbound message and of a delivery: the sender's detached JWS. */
    public static final String HTTP_SIGNATURE = "X-Signature";
    /** HTTP header of a delivery: the gateway's verdict on the signature. */
    public static final String HTTP_VERDICT = "X-Signature-Verdict";
    /** JMS string property of an inbound message and of a delivery: the sender's detached JWS. */
    public static final String JMS_SIGNATURE = "signature";
    /** JMS string property of a delivery: the gateway's verdict on the signature. */
    public static final String JMS_VERDICT = "signatureVerdict";
    /** A longer "signature" is not one of ours, and is not kept. */
    static final int MAX_SIGNATURE_CHARS = 4096;

    private final PartnerCertificates certificates;
    private final SignatureVerifier verifier;
    private final SignatureVerdicts verdicts;
    private final RecognitionSettings settings;
    private final Clock clock;

    public Recognition(PartnerCertificates certificates, SignatureVerifier verifier, SignatureVerdicts verdicts,
            RecognitionSettings settings, Clock clock) {
        this.certificates = certificates;
        this.verifier = verifier;
        this.verdicts = verdicts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The verdict on a message just received, or empty when there is nothing to record: it came unsigned and its type
     * needs no recognition.
     */
    public Optional<CheckedSignature> check(Partner sender, byte[] payload, String signature, MessageKind type) {
        if (signature == null && !settings.needsRecognition(type)) {
            return Optional.empty();
        }
        if (signature != null && signature.length() > MAX_SIGNATURE_CHARS) {
            return Optional.of(new CheckedSignature(null, SignatureVerdict.of(SignatureVerdict.Outcome.INVALID,
                    "The signature has " + signature.length() + " characters; a detached JWS has far fewer")));
        }
        return Optional.of(new CheckedSignature(signature, verifier.verify(payload, signature,
                certificates.of(sender.code()), clock.instant())));
    }

    /** Records the verdict with the message's ledger row, in the transaction that writes the row. */
    public void record(long messageRowId, CheckedSignature checked) {
        verdicts.record(messageRowId, checked);
    }

    /**
     * Adds the verdict and the original signature to a delivery of a message whose type needs recognition, for
     * receivers on HTTP and JMS. A message with no recorded verdict goes as unsigned.
     */
    public void addToDelivery(MessageKey inbound, MessageKind type, Transport transport, Map<String, Object> headers) {
        if (!settings.needsRecognition(type) || (transport != Transport.HTTP && transport != Transport.JMS)) {
            return;
        }
        CheckedSignature checked = verdicts.find(inbound).orElse(new CheckedSignature(null,
                SignatureVerdict.of(SignatureVerdict.Outcome.UNSIGNED, "No signature was recorded")));
        boolean http = transport == Transport.HTTP;
        headers.put(http ? HTTP_VERDICT : JMS_VERDICT, checked.verdict().outcome().name());
        if (checked.signature() != null) {
            headers.put(http ? HTTP_SIGNATURE : JMS_SIGNATURE, checked.signature());
        }
    }
}
