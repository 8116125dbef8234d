package cn.consumerexchange.gateway.ledger;

/** Where a message stands in the ledger. */
public enum MessageState {
    /** Inbound, checked and routed; waiting for delivery to its receiver. */
    ACCEPTED,
    /** Inbound and refused; the sender was told why. */
    REJECTED,
    /** A delivery attempt holds the message. */
    DELIVERING,
    /** Handed to the receiving partner (inbound rows), or the copy that was handed over (outbound rows). */
    DELIVERED,
    /** Every delivery attempt failed; waits for an operator. */
    DELIVERY_FAILED
}
