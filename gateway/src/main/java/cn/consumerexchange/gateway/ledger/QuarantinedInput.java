package cn.consumerexchange.gateway.ledger;

/**
 * Input kept without a ledger row of its own (隔离的输入): no id the contract can carry, an id reused with other
 * content, input over the size limit, or a message the gateway gave up on.
 *
 * @param reference   the gateway-made reference the sender's answer names it by
 * @param messageId   the id as sent, if one could be read, cut to 200 characters
 * @param payloadSize the size of the whole input in bytes; only the first bytes are kept of an oversize input
 */
public record QuarantinedInput(String partnerCode, String reference, String messageId, String payloadSha256,
        long payloadSize, String errorCode, String reason) {
}
