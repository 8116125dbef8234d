package cn.consumerexchange.gateway.recognition;

/**
 * What the gateway found when it checked a message's signature (签名) against the sender's registered certificate.
 * Only {@link Outcome#VERIFIED} makes a message recognised (互认); every other outcome is delivered as unverified.
 *
 * @param outcome what was found
 * @param detail  why, in words an operator or the receiver can act on
 */
public record SignatureVerdict(Outcome outcome, String detail) {

    public enum Outcome {
        /** Signed by the key of the sender's registered certificate, valid and not revoked when the message came. */
        VERIFIED,
        /** No signature came with the message. */
        UNSIGNED,
        /** A signature came but is malformed, of an unknown algorithm, or does not match the message and key. */
        INVALID,
        /** The signature matches, but the certificate was not valid at the message's arrival. */
        CERTIFICATE_EXPIRED,
        /** The signature matches, but the partner's revocation list names the certificate. */
        CERTIFICATE_REVOKED,
        /** The sender has no certificate registered, so nothing can be verified. */
        NO_CERTIFICATE
    }

    public boolean recognised() {
        return outcome == Outcome.VERIFIED;
    }

    static SignatureVerdict of(Outcome outcome, String detail) {
        return new SignatureVerdict(outcome, detail);
    }
}
