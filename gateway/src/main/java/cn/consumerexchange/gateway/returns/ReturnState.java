package cn.consumerexchange.gateway.returns;

/** Where a return request stands. */
public enum ReturnState {
    /** Sent to the region of purchase, no decision yet. */
    PENDING,
    /** Approved: refunded by the return store, owed to it by the store of purchase. */
    APPROVED,
    /** Refused by the region of purchase: it became a complaint there. */
    REFUSED,
    /** Not decided in time: it became a complaint in the region of purchase. */
    UNANSWERED
}
