package cn.consumerexchange.gateway.transfer;

/**
 * Why a delivery attempt failed, as a code operators filter by (投递失败原因): kept on every attempt's
 * {@code delivery_attempt} row.
 */
public enum DeliveryErrorCode {
    /** The partner answered that it cannot take the message now: HTTP 5xx, 408, 425 or 429. */
    PARTNER_UNAVAILABLE,
    /** The partner could not be reached or did not answer: connection refused, timeout, its broker away. */
    PARTNER_UNREACHABLE,
    /** The partner refused the message: an HTTP 4xx other than the retryable ones. */
    PARTNER_REFUSED,
    /** The message cannot be written in the partner's format. */
    NOT_TRANSLATABLE,
    /** The partner's circuit is open after repeated failures: it was not tried. */
    CIRCUIT_OPEN
}
