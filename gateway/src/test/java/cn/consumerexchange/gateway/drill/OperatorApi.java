package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One gateway instance as an operator and a metrics scraper reach it over HTTP, with the embedded defaults' demo
 * accounts: the partner switch (停用 / 启用) as {@code operator}, a partner's status as {@code viewer}, and
 * {@code /actuator/prometheus}, which needs no login. Every instance sharing a database follows the switch.
 */
final class OperatorApi {

    private static final String OPERATOR = basic("operator", "demo-operator");
    private static final String VIEWER = basic("viewer", "demo-viewer");

    private final GatewayProcess gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    OperatorApi(GatewayProcess gateway) {
        this.gateway = gateway;
    }

    /** Switches deliveries to the partner on or off through this instance; fails unless the gateway says 200. */
    void switchPartner(String code, boolean on, String reason) throws IOException, InterruptedException {
        URI uri = gateway.uri("/api/partners/" + code + (on ? "/enable" : "/disable") + "?reason="
                + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).header("Authorization", OPERATOR)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("switching " + code + (on ? " on" : " off") + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Whether this instance runs its delivery route to the partner now. */
    boolean isDelivering(String code) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway.uri("/api/partners/" + code
                + "/health")).header("Authorization", VIEWER).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("partner " + code + " status answered " + answer.statusCode());
        }
        return json.readTree(answer.body()).path("delivering").asBoolean();
    }

    /**
     * The sum of a counter over its series for one partner on this instance, e.g.
     * {@code exchange_messages_accepted_total} for {@code SZ}: what this process did since it started.
     */
    double counter(String name, String partner) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway.uri("/actuator/prometheus")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.body().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains("partner=\"" + partner + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
