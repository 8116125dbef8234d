package cn.consumerexchange.gateway.partner;

/** How a partner system exchanges messages with the gateway. */
public enum Transport {
    /** Queues on the gateway's Artemis broker: the partner sends to its inbound queue, reads replies and deliveries. */
    JMS,
    /** The partner pushes to the gateway's HTTP intake and receives deliveries on its own HTTP endpoint. */
    HTTP
}
