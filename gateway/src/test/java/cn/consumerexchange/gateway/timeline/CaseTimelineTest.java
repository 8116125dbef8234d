package cn.consumerexchange.gateway.timeline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.OperatorViewsTestSupport;
import cn.consumerexchange.gateway.ledger.MessageState;

/** A case's timeline lists its messages, state changes and operator actions in time order. */
class CaseTimelineTest extends OperatorViewsTestSupport {

    @Autowired
    AdapterCatalog adapters;

    @Test
    void aDeliveredComplaintShowsItsMessagesAndTheStateChangeItsReceiverReported() throws Exception {
        String caseNumber = newCaseNumber();
        String gatewayRef = deliveredComplaint(newMessageId(), caseNumber);
        assertThat(GatewayTestSupport.shanghaiAccepts(http, adapters, gatewayRef)).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                events(getJson("/api/cases/" + gatewayRef + "/timeline"))).contains("MESSAGE OUT STATUS_UPDATE"));
        JsonNode timeline = getJson("/api/cases/" + gatewayRef + "/timeline");

        assertThat(timeline.path("transfer").path("originCaseNumber").asText()).isEqualTo(caseNumber);
        assertThat(events(timeline)).containsSubsequence("MESSAGE IN COMPLAINT", "MESSAGE OUT COMPLAINT",
                "TRANSITION ACCEPTED", "MESSAGE OUT STATUS_UPDATE");
        assertThat(events(timeline)).contains("MESSAGE IN STATUS_UPDATE");
        assertThat(times(timeline)).isSorted();
        JsonNode inbound = timeline.path("events").get(0);
        assertThat(inbound.path("sender").asText()).isEqualTo("SAMR-GD-SZ");
        assertThat(inbound.path("receiver").asText()).isEqualTo("SH");
        assertThat(inbound.path("state").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void anOperatorsRetryOfAFailedDeliveryAppearsWithTheMessageItConcerns() throws Exception {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(400).withBody("no")));
        String messageId = newMessageId();
        Element receipt = sendAsShenzhen(complaint(messageId, newCaseNumber()));
        String gatewayRef = receipt.getAttribute("gateway-ref");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERY_FAILED));
        long ledgerId = ledger.findInbound("SZ", messageId).orElseThrow().id();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));

        assertThat(operator().postForEntity("/api/messages/" + ledgerId + "/retry?reason=receiver fixed", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERED));

        JsonNode timeline = getJson("/api/cases/" + gatewayRef + "/timeline");
        assertThat(events(timeline)).containsSubsequence("MESSAGE IN COMPLAINT", "OPERATOR_ACTION RETRY_DELIVERY",
                "MESSAGE OUT COMPLAINT");
        JsonNode retry = find(timeline, "OPERATOR_ACTION");
        assertThat(retry.path("ledgerId").asLong()).isEqualTo(ledgerId);
        assertThat(retry.path("actionId").asLong()).isPositive();
        assertThat(retry.path("actor").asText()).isNotBlank();
    }

    @Test
    void anUnknownCaseIsAProblemWithACode() throws Exception {
        ResponseEntity<String> answer = operator().getForEntity("/api/cases/GW-2026-NOSUCHCASE/timeline",
                String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static List<String> events(JsonNode timeline) {
        List<String> events = new ArrayList<>();
        timeline.path("events").forEach(event -> events.add(switch (event.path("kind").asText()) {
            case "MESSAGE" -> "MESSAGE " + event.path("direction").asText() + " " + event.path("messageType").asText();
            case "TRANSITION" -> "TRANSITION " + event.path("toState").asText();
            case "OPERATOR_ACTION" -> "OPERATOR_ACTION " + event.path("action").asText();
            default -> event.path("kind").asText();
        }));
        return events;
    }

    private static List<OffsetDateTime> times(JsonNode timeline) {
        List<OffsetDateTime> times = new ArrayList<>();
        timeline.path("events").forEach(event -> times.add(OffsetDateTime.parse(event.path("at").asText())));
        return times.stream().map(time -> time.withOffsetSameInstant(ZoneOffset.UTC)).toList();
    }

    private static JsonNode find(JsonNode timeline, String kind) {
        for (JsonNode event : timeline.path("events")) {
            if (event.path("kind").asText().equals(kind)) {
                return event;
            }
        }
        throw new AssertionError("No " + kind + " in " + timeline);
    }
}
