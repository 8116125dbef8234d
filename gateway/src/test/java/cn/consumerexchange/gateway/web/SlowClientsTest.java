package cn.consumerexchange.gateway.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * Issue 7: the HTTP intake refuses a wrong credential with a code and records it, and a few hundred clients that send
 * one byte every two seconds neither keep partners' complaints from being answered nor the health check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowClientsTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final int SLOW_CLIENTS = 300;
    /**
     * Held-up threads would leave a request unanswered for as long as the slow clients go on, which is until the test
     * ends; the bound is wide so that a busy machine, not a blocked intake, never fails it.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    static final Duration BODY_DEADLINE = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.http-intake.body-deadline", () -> BODY_DEADLINE.toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    TransferLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(ANSWER_WITHIN).build();

    @BeforeEach
    void shanghaiTakesDeliveries() throws Exception {
        SHANGHAI.stubFor(post(urlEqualTo("/partners/SH/inbox")).willReturn(aResponse().withStatus(202)));
        // The first complaint warms the intake up; the deadline below is about slow clients, not a cold start.
        HttpResponse<String> warmUp = http.send(complaintTo("SZ", GatewayTestSupport.SZ_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(warmUp.statusCode()).isEqualTo(202);
    }

    @Test
    void wrongTokenAndUnknownPartnerAreRefusedAlikeWithACodeAndRecorded() throws Exception {
        int refusedBefore = ledger.refusedAccessCount("SZ");

        HttpResponse<String> wrongToken = send(complaintTo("SZ", "not-the-token"));
        HttpResponse<String> unknownPartner = send(complaintTo("XX", GatewayTestSupport.SZ_TOKEN));

        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(wrongToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrongToken.headers().firstValue("Connection")).hasValue("close");
        JsonNode problem = json.readTree(wrongToken.body());
        assertThat(problem.path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(unknownPartner.statusCode()).isEqualTo(401);
        assertThat(unknownPartner.body()).as("the answer does not tell which partner codes exist")
                .isEqualTo(wrongToken.body());
        assertThat(ledger.refusedAccessCount("SZ")).isEqualTo(refusedBefore + 1);
        assertThat(ledger.refusedAccessCount("XX")).isEqualTo(1);
        assertThat(jdbc.queryForList("select distinct error_code from refused_access where claimed_partner = 'SZ'",
                String.class)).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void intakeAndHealthAnswerWhileSlowClientsTrickleBodiesWithAWrongToken() throws Exception {
        try (SlowClients attack = SlowClients.tricklingBodies(port, slowHead(), SLOW_CLIENTS)) {
            Thread.sleep(4_000);

            assertAnsweredWhileUnderAttack();
        }
    }

    @Test
    void intakeAndHealthAnswerWhileSlowClientsTrickleHeaders() throws Exception {
        try (SlowClients attack = SlowClients.tricklingHeaders(port, slowHead(), SLOW_CLIENTS)) {
            Thread.sleep(4_000);

            assertAnsweredWhileUnderAttack();
        }
    }

    @Test
    void aPartnerTricklingItsBodyIsAnsweredAtTheDeadline() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(slowHead().replace("not-the-token", GatewayTestSupport.SZ_TOKEN)
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            trickle.scheduleWithFixedDelay(() -> {
                try {
                    out.write('x');
                } catch (IOException closed) {
                    trickle.shutdown();
                }
            }, 500, 500, TimeUnit.MILLISECONDS);

            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 408");
            // A read checks the deadline before it waits; with a byte every 500 ms the check comes right after it.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BODY_DEADLINE.plus(ANSWER_WITHIN));
        } finally {
            trickle.shutdownNow();
        }
    }

    private void assertAnsweredWhileUnderAttack() throws Exception {
        assertThat(sendComplaint().statusCode()).as("a partner's complaint").isEqualTo(202);
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
    }

    private String slowHead() {
        return "POST /api/partners/SZ/messages HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "X-Partner-Token: not-the-token\r\n"
                + "Content-Type: application/xml\r\n"
                + "Content-Length: 100000\r\n"
                + "\r\n";
    }

    private HttpResponse<String> sendComplaint() throws Exception {
        return send(complaintTo("SZ", GatewayTestSupport.SZ_TOKEN));
    }

    private HttpRequest.Builder complaintTo(String partner, String token) {
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", "SZ-T-" + UUID.randomUUID());
        return HttpRequest.newBuilder(uri("/api/partners/" + partner + "/messages"))
                .header("X-Partner-Token", token)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(complaint));
    }

    /** Sends the request and fails unless it is answered within {@link #ANSWER_WITHIN}. */
    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try {
            return http.send(request.timeout(ANSWER_WITHIN).build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("Not answered within " + ANSWER_WITHIN.toSeconds() + " s", e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
