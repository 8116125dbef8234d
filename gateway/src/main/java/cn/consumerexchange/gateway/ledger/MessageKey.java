package cn.consumerexchange.gateway.ledger;

/**
 * What identifies an inbound message for good: the partner that sent it and its message id, the ledger's unique key.
 * Whatever travels on a queue names a message by this key, never by a ledger row id alone.
 */
public record MessageKey(String partnerCode, String messageId) {
}
