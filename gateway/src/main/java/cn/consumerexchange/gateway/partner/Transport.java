package cn.consumerexchange.gateway.partner;

/**
 * How a partner system exchanges messages with the gateway. The meaning of a partner's {@code inbound},
 * {@code replies} and {@code outbound} follows from it.
 */
public enum Transport {
    /** Queues on the gateway's Artemis broker: inbound, replies and outbound are queue names. */
    JMS,
    /** The partner pushes to the gateway's HTTP intake and receives deliveries at its own URL ({@code outbound}). */
    HTTP,
    /** Queues on the partner's RabbitMQ (AMQP 0.9.1), bound to the exchange {@code partner.<code>} by queue name. */
    AMQP,
    /**
     * Batch files: the partner drops CSV files into the {@code inbound} directory, finds a result file per batch in
     * {@code replies} and one file per delivered message in {@code outbound}.
     */
    FILE
}
