package cn.consumerexchange.gateway.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Shanghai's complaint system, in the benchmark's JVM: the HTTP endpoint the gateway delivers partner SH's complaints
 * to ({@code <exchange.simulator.base-url>/partners/SH/inbox}). It notes every delivery by the message id it carries
 * ({@code msgId}, Shenzhen's id), when the first arrived, how many arrived and whether every repeat carried the
 * {@code Idempotency-Key} of the first; and answers 200.
 */
final class ShanghaiStandIn implements AutoCloseable {

    /** What arrived for one message id. */
    record Arrival(long firstAt, int count, String firstKey, boolean sameKey) {

        Arrival again(String key) {
            return new Arrival(firstAt, count + 1, firstKey, sameKey && Objects.equals(firstKey, key));
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger distinct = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final ExecutorService workers = Executors.newFixedThreadPool(16);
    private final HttpServer server;

    ShanghaiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Shanghai's stand-in cannot listen", e);
        }
        server.setExecutor(workers);
        server.createContext("/partners/SH/", this::take);
        server.start();
    }

    /** What {@code exchange.simulator.base-url} is set to, so that the registry's SH URL points here. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Message ids that arrived at least once, in all runs. */
    int distinct() {
        return distinct.get();
    }

    int unreadable() {
        return unreadable.get();
    }

    Arrival arrival(String messageId) {
        return arrivals.get(messageId);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            String messageId = messageId(exchange.getRequestBody().readAllBytes());
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (messageId == null) {
                unreadable.incrementAndGet();
            } else if (arrivals.merge(messageId, new Arrival(now, 1, key, true),
                    (first, next) -> first.again(key)).count() == 1) {
                distinct.incrementAndGet();
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
