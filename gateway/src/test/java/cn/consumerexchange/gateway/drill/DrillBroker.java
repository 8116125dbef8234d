package cn.consumerexchange.gateway.drill;

import java.util.List;

/**
 * The broker of a drill run, which Shenzhen connects to over TCP: the gateway's embedded broker (the default,
 * {@code -Ddrill.broker=embedded}) or a standalone Artemis of the drill's own ({@code -Ddrill.broker=external}), which
 * the drill also kills and restarts.
 */
interface DrillBroker extends AutoCloseable {

    /** The partners' port on 127.0.0.1. */
    int port();

    /** For the drill's log. */
    String description();

    /** What the gateway is told so that it runs or finds this broker. */
    List<String> gatewayArguments();

    @Override
    void close();
}
