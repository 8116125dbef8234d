package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks the running gateway ({@code GET /api/transfers/{gatewayRef}}) which cases still have an inbound message waiting
 * for delivery. A receiver may hold a message the ledger does not yet know was delivered (the gateway died after the
 * partner took it): the drill lets such work finish before it stops the gateway, so what it finds left over in the
 * ledger is work the gateway would never finish, not work cut short. The verdict is read from the database afterwards;
 * this only decides when to stop. It reads as the embedded defaults' demo viewer.
 */
public final class LedgerProbe {

    private static final String VIEWER = "Basic " + Base64.getEncoder()
            .encodeToString("viewer:demo-viewer".getBytes(StandardCharsets.UTF_8));

    private final URI transfers;
    private final URI partners;
    private final URI relatedSweep;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LedgerProbe(URI gateway) {
        this.transfers = gateway.resolve("/api/transfers/");
        this.partners = gateway.resolve("/api/partners");
        this.relatedSweep = gateway.resolve("/api/related/sweep");
    }

    /**
     * Inbound messages waiting for delivery to any partner ({@code GET /api/partners}, each partner's backlog), the
     * gateway's own notices included; -1 when the overview could not be read.
     */
    int backlog() throws InterruptedException {
        JsonNode overview = read(partners);
        if (overview == null) {
            return -1;
        }
        int waiting = 0;
        for (JsonNode partner : overview) {
            waiting += partner.path("health").path("backlog").asInt();
        }
        return waiting;
    }

    /**
     * Accepted cases the related-case sweep has not looked at yet ({@code GET /api/related/sweep}): each may still raise
     * a notice; -1 when it could not be read.
     */
    public int uncheckedCases() throws InterruptedException {
        JsonNode progress = read(relatedSweep);
        return progress == null ? -1 : progress.path("unchecked").asInt(-1);
    }

    /** The cases among {@code gatewayRefs} with an inbound row still waiting, or that could not be read. */
    Set<String> waiting(Collection<String> gatewayRefs) throws InterruptedException {
        Set<String> waiting = new TreeSet<>();
        for (String gatewayRef : gatewayRefs) {
            if (!settled(gatewayRef)) {
                waiting.add(gatewayRef);
            }
        }
        return waiting;
    }

    private boolean settled(String gatewayRef) throws InterruptedException {
        JsonNode transfer = read(transfers.resolve(gatewayRef));
        if (transfer == null) {
            return false;
        }
        for (JsonNode message : transfer.path("messages")) {
            if ("IN".equals(message.path("direction").asText())
                    && Reconciliation.WAITING.contains(message.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    /** {@code GET} as the demo viewer; null when the gateway could not be reached or did not answer 200. */
    private JsonNode read(URI resource) throws InterruptedException {
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(resource)
                    .header("Authorization", VIEWER).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return answer.statusCode() == 200 ? json.readTree(answer.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
