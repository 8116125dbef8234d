package cn.consumerexchange.gateway.ledger;

/** Which way a ledger row crossed the gateway. */
public enum Direction {
    IN, OUT
}
