package cn.consumerexchange.gateway.drill;

import java.nio.file.Path;
import java.util.List;

/**
 * The gateway's own embedded Artemis, as on the embedded defaults: its journal in the run directory, its TCP acceptor
 * for partners on 127.0.0.1. It lives and dies with the gateway, so a kill of the gateway is a kill of the broker.
 */
final class EmbeddedBroker implements DrillBroker {

    private final Path journal;
    private final int port;

    EmbeddedBroker(Path journal, int port) {
        this.journal = journal;
        this.port = port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String description() {
        return "the gateway's embedded Artemis, journal " + journal;
    }

    @Override
    public List<String> gatewayArguments() {
        return List.of(
                "--spring.artemis.embedded.data-directory=" + journal,
                "--exchange.broker.tcp-host=127.0.0.1",
                "--exchange.broker.tcp-port=" + port);
    }

    /** Nothing to stop: the gateway stops its broker. */
    @Override
    public void close() {
    }
}
