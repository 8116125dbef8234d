package cn.consumerexchange.gateway.recognition;

/**
 * A partner descriptor names a certificate or revocation list that is missing or not PEM: the gateway does not start.
 */
public class UnreadableCertificateException extends IllegalStateException {

    UnreadableCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
