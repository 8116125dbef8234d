package cn.consumerexchange.gateway.recognition;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;

/**
 * Checks a message's signature against the sender's registered certificate, as of the message's arrival: a detached
 * JWS that came beside the message, or an XML Signature enveloped in it. The signature is checked first: a forgery is
 * {@code INVALID} whatever the certificate's state. The certificate is the partner's own, pinned by its descriptor, so
 * no chain is built; its validity period and the partner's revocation list are honoured.
 */
@Component
public class SignatureVerifier {

    /**
     * Checks a detached JWS.
     *
     * @param payload     the message's bytes exactly as they crossed the wire
     * @param signature   the detached JWS that came with them, or null
     * @param certificate the sender's registered certificate, if any
     * @param arrival     when the message came: the instant the certificate must have been valid and not revoked
     */
    public SignatureVerdict verify(byte[] payload, String signature, Optional<PartnerCertificate> certificate,
            Instant arrival) {
        if (signature == null || signature.isBlank()) {
            return SignatureVerdict.of(Outcome.UNSIGNED, "The message came without a signature");
        }
        if (certificate.isEmpty()) {
            return SignatureVerdict.of(Outcome.NO_CERTIFICATE, "The sender has no certificate registered");
        }
        DetachedJws jws;
        try {
            jws = DetachedJws.parse(signature);
        } catch (MalformedSignatureException e) {
            return SignatureVerdict.of(Outcome.INVALID, e.getMessage());
        }
        X509Certificate registered = certificate.get().certificate();
        if (!jws.algorithm().verifies(registered.getPublicKey(), jws.signingInput(payload), jws.signature())) {
            return SignatureVerdict.of(Outcome.INVALID, "The " + jws.algorithm() + " signature does not match the "
                    + "message and the key of certificate " + describe(registered));
        }
        return certificateState(certificate.get(), arrival, jws.algorithm() + " signature");
    }

    /**
     * Checks the XML Signature enveloped in an XML message ({@code ds:Signature} under its root).
     *
     * @param xml         the message's bytes exactly as they crossed the wire
     * @param certificate the sender's registered certificate, if any
     * @param arrival     when the message came: the instant the certificate must have been valid and not revoked
     */
    public SignatureVerdict verifyEnveloped(byte[] xml, Optional<PartnerCertificate> certificate, Instant arrival) {
        EnvelopedXmlSignature signature;
        try {
            Optional<EnvelopedXmlSignature> found = EnvelopedXmlSignature.of(xml);
            if (found.isEmpty()) {
                return SignatureVerdict.of(Outcome.UNSIGNED, "The message came without a signature");
            }
            signature = found.get();
        } catch (MalformedSignatureException e) {
            return SignatureVerdict.of(Outcome.INVALID, e.getMessage());
        }
        if (certificate.isEmpty()) {
            return SignatureVerdict.of(Outcome.NO_CERTIFICATE, "The sender has no certificate registered");
        }
        X509Certificate registered = certificate.get().certificate();
        if (!signature.verifies(registered.getPublicKey())) {
            return SignatureVerdict.of(Outcome.INVALID, "The " + signature.method() + " XML signature does not match "
                    + "the document and the key of certificate " + describe(registered));
        }
        return certificateState(certificate.get(), arrival, signature.method() + " XML signature");
    }

    /** The verdict on a signature that matches: whether its certificate was good when the message came. */
    private static SignatureVerdict certificateState(PartnerCertificate certificate, Instant arrival, String what) {
        X509Certificate registered = certificate.certificate();
        try {
            registered.checkValidity(Date.from(arrival));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return SignatureVerdict.of(Outcome.CERTIFICATE_EXPIRED, "Certificate " + describe(registered)
                    + " is valid from " + registered.getNotBefore().toInstant() + " to "
                    + registered.getNotAfter().toInstant() + ", not at the message's arrival " + arrival);
        }
        Optional<X509CRLEntry> revoked = certificate.crl()
                .map(crl -> crl.getRevokedCertificate(registered))
                .filter(entry -> !entry.getRevocationDate().toInstant().isAfter(arrival));
        if (revoked.isPresent()) {
            return SignatureVerdict.of(Outcome.CERTIFICATE_REVOKED, "Certificate " + describe(registered)
                    + " was revoked on " + revoked.get().getRevocationDate().toInstant());
        }
        return SignatureVerdict.of(Outcome.VERIFIED, what + " verified with certificate " + describe(registered));
    }

    private static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (serial "
                + certificate.getSerialNumber().toString(16) + ")";
    }
}
