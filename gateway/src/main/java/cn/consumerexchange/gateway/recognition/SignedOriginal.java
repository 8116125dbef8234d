package cn.consumerexchange.gateway.recognition;

/**
 * What the issuing authority signed, exactly as it sent it (原件): the bytes of its native message as the ledger kept
 * them, the signature that came beside them (null when there was none, or when it is enveloped in the bytes), and the
 * gateway's verdict. The receiver can verify the bytes with the sender's certificate itself.
 *
 * @param bytes     the sender's native message, byte for byte
 * @param mediaType the sender's format's media type
 * @param checked   the signature as sent and the gateway's verdict
 */
public record SignedOriginal(byte[] bytes, String mediaType, CheckedSignature checked) {
}
