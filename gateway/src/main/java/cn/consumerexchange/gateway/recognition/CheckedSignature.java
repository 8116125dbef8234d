package cn.consumerexchange.gateway.recognition;

/**
 * A message's signature as it came, and the gateway's verdict on it: what the ledger keeps and the receiver is given.
 *
 * @param signature the detached JWS as sent, or null when there was none, it was too long to keep, or the signature
 *                  is an XML Signature enveloped in the message itself
 * @param verdict   the gateway's verdict
 */
public record CheckedSignature(String signature, SignatureVerdict verdict) {
}
