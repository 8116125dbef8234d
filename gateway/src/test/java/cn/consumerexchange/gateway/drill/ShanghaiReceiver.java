package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Shanghai's complaint system as the gateway sees it: the HTTP endpoint deliveries to partner SH are posted to
 * ({@code <base-url>/partners/SH/inbox}, see {@code partners.json}). It notes every delivery it takes, with its
 * {@code Idempotency-Key}, and answers 200.
 *
 * <p>It can be taken down the two ways a real endpoint goes down: {@link #refuseConnections()} closes the port, so the
 * gateway's connection is refused; {@link #answerUnavailable()} keeps it open and answers 503 without taking the
 * delivery. {@link #resume()} brings it back on the same port.
 */
final class ShanghaiReceiver implements AutoCloseable {

    static final String PATH = "/partners/SH/";

    private enum Mode { UP, UNAVAILABLE, REFUSING }

    private final ObjectMapper json = new ObjectMapper();
    private final DeliveryLog log = new DeliveryLog();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final int port;
    private volatile Mode mode = Mode.UP;
    private HttpServer server;

    ShanghaiReceiver() {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    /** What {@code exchange.simulator.base-url} is set to, so that the registry's SH URL points here. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    DeliveryLog log() {
        return log;
    }

    synchronized void refuseConnections() {
        mode = Mode.REFUSING;
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    synchronized void answerUnavailable() {
        mode = Mode.UNAVAILABLE;
        ensureListening();
    }

    synchronized void resume() {
        mode = Mode.UP;
        ensureListening();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        workers.shutdownNow();
    }

    private void ensureListening() {
        if (server == null) {
            server = listen(port);
        }
    }

    private HttpServer listen(int onPort) {
        try {
            HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 128);
            listening.setExecutor(workers);
            listening.createContext(PATH, this::take);
            listening.start();
            return listening;
        } catch (IOException e) {
            throw new UncheckedIOException("Shanghai's endpoint cannot listen on port " + onPort, e);
        }
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (mode != Mode.UP) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String messageId = messageId(body);
            if (messageId == null) {
                log.unreadable();
            } else {
                log.delivered(messageId, exchange.getRequestHeaders().getFirst("Idempotency-Key"), null);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private String messageId(byte[] body) {
        try {
            JsonNode id = json.readTree(body).get("msgId");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
