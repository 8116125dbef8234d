package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shanghai's complaint system sending complaints to the gateway's HTTP intake ({@code POST /api/partners/SH/messages}
 * with its token), as a real partner does: a complaint it has no answer for (the connection was refused or broken,
 * the request timed out, the gateway answered 5xx) is sent again, byte for byte under the same message id, until it is
 * answered or the load's deadline passes. Answers go to {@link Acknowledgements}.
 */
final class ShanghaiHttpClient {

    private static final int SENDERS = 4;
    private static final Duration MOST_BETWEEN_TRIES = Duration.ofSeconds(2);

    private final URI intake;
    private final String token;
    private final Acknowledgements answers = new Acknowledgements();
    private final AtomicInteger resends = new AtomicInteger();
    private final List<String> unanswered = new ArrayList<>();
    private volatile String refusal;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    ShanghaiHttpClient(URI gateway, String token) {
        this.intake = gateway.resolve("/api/partners/SH/messages");
        this.token = token;
    }

    Acknowledgements answers() {
        return answers;
    }

    /** Sends again after a failure or a missing answer. */
    int resends() {
        return resends.get();
    }

    /** Complaints that had no answer when the deadline passed. */
    synchronized List<String> unanswered() {
        return List.copyOf(unanswered);
    }

    /** Why the gateway refused Shanghai outright (401, 404), which means the drill is misconfigured; or null. */
    String refusal() {
        return refusal;
    }

    /**
     * Sends {@code count} complaints at {@code perSecond}, each until it is answered; returns when all are answered or
     * {@code timeout} has passed. {@code offered} counts complaints whose first try has begun.
     */
    void send(DrillComplaints complaints, int count, double perSecond, Duration timeout, AtomicInteger offered)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            Pacing pacing = new Pacing(perSecond);
            for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
                pacing.awaitTurn(i);
                int number = i;
                senders.execute(() -> {
                    offered.incrementAndGet();
                    sendUntilAnswered(complaints.shanghaiMessageId(number), complaints.fromShanghai(number),
                            deadline);
                });
            }
        } finally {
            senders.shutdown();
            if (!senders.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                senders.shutdownNow();
                senders.awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    private void sendUntilAnswered(String messageId, byte[] complaint, long deadline) {
        HttpRequest post = HttpRequest.newBuilder(intake)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Partner-Token", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(complaint))
                .build();
        long pause = 250;
        for (int attempt = 0; System.nanoTime() < deadline && refusal == null; attempt++) {
            if (attempt > 0) {
                resends.incrementAndGet();
            }
            try {
                HttpResponse<byte[]> response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
                if (answered(messageId, response)) {
                    return;
                }
            } catch (IOException e) {
                // refused, reset or timed out: no answer, so send it again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (!sleep(pause)) {
                break;
            }
            pause = Math.min(pause * 2, MOST_BETWEEN_TRIES.toMillis());
        }
        synchronized (this) {
            unanswered.add(messageId);
        }
    }

    /** Whether the response answers the complaint; a 401 or 404 stops every sender, the drill is misconfigured. */
    private boolean answered(String messageId, HttpResponse<byte[]> response) throws IOException {
        int status = response.statusCode();
        if (status == 401 || status == 404) {
            refusal = status + " " + new String(response.body(), StandardCharsets.UTF_8);
            return false;
        }
        if (status == 202) {
            JsonNode ack = json.readTree(response.body()).path("ack");
            answers.accepted(messageId, ack.path("gatewayRef").asText(null));
            return true;
        }
        if (status == 422) {
            answers.rejected(messageId, new String(response.body(), StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
