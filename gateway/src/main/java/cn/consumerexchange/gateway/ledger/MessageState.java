package cn.consumerexchange.gateway.ledger;

/** Where a message stands in the ledger. */
public enum MessageState {
    /** Inbound and routed, put back in line by an operator; due for delivery to its receiver. */
    ACCEPTED,
    /** Inbound and refused; the sender was told why. */
    REJECTED,
    /**
     * A delivery attempt holds the message until its lease ends. An accepted message starts here, held for the nudge
     * the intake sends.
     */
    DELIVERING,
    /** A delivery attempt failed for a reason that may pass (the partner is down); the next one is due later. */
    AWAITING_RETRY,
    /** Handed to the receiving partner (inbound rows), or the copy that was handed over (outbound rows). */
    DELIVERED,
    /** The receiver refused it, or it could not be delivered before the retry horizon; waits for an operator. */
    DELIVERY_FAILED
}
