package cn.consumerexchange.gateway.recognition;

/** A signature the exchange cannot read or does not accept; the message it came with is delivered unverified. */
final class MalformedSignatureException extends RuntimeException {

    MalformedSignatureException(String message) {
        super(message);
    }
}
