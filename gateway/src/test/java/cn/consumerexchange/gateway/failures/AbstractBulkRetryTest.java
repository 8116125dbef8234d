package cn.consumerexchange.gateway.failures;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import cn.consumerexchange.gateway.GatewayTestSupport;

/**
 * Bulk retry by filter (批量重试), its preview, and replay (重放): real gateway, embedded broker, WireMock playing
 * Shanghai and Jiangsu; the database is the subclass's choice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractBulkRetryTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    TestRestTemplate operator;

    @BeforeEach
    void partnersTakeDeliveries() {
        operator = http.withBasicAuth("operator", "demo-operator");
        PARTNERS.resetAll();
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(202)));
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.JS_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void theFailuresOfOnePartnerAreRetriedTogetherUnderOneActionAndTheOthersStayFailed() throws Exception {
        refuse(ComplaintsToPartners.SH_INBOX);
        refuse(ComplaintsToPartners.JS_INBOX);
        List<Long> toShanghai = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            toShanghai.add(ComplaintsToPartners.send(http, jdbc, "SH", "SZ12315-2026-S" + i));
        }
        List<Long> toJiangsu = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            toJiangsu.add(ComplaintsToPartners.send(http, jdbc, "JS", "SZ12315-2026-J" + i));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(toShanghai.stream()
                .map(id -> ComplaintsToPartners.stateOf(jdbc, id))).containsOnly("DELIVERY_FAILED"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(toJiangsu.stream()
                .map(id -> ComplaintsToPartners.stateOf(jdbc, id))).containsOnly("DELIVERY_FAILED"));

        JsonNode preview = json.readTree(operator.postForEntity("/api/messages/retry/preview",
                Map.of("receiver", "SH"), String.class).getBody());
        assertThat(preview.path("matched").asLong()).isEqualTo(20);
        assertThat(preview.path("sample")).hasSize(20).allSatisfy(failure -> {
            assertThat(failure.path("receiver").asText()).isEqualTo("SH");
            assertThat(failure.path("lastAttempt").path("errorCode").asText()).isEqualTo("PARTNER_REFUSED");
        });

        ResponseEntity<String> withoutReason = operator.postForEntity("/api/messages/retry",
                Map.of("receiver", "SH"), String.class);
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(withoutReason.getBody()).path("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(toShanghai.stream().map(id -> ComplaintsToPartners.stateOf(jdbc, id)))
                .as("nothing retried without a reason").containsOnly("DELIVERY_FAILED");

        // Shanghai has fixed its side; the operator retries all of its failures at once.
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(202)));
        ResponseEntity<String> retried = operator.postForEntity("/api/messages/retry", Map.of("receiver", "SH",
                "states", List.of("DELIVERY_FAILED"), "errorCode", "PARTNER_REFUSED",
                "reason", "Shanghai fixed its category table"), String.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode outcome = json.readTree(retried.getBody());
        long actionId = outcome.path("actionId").asLong();
        assertThat(outcome.path("matched").asLong()).isEqualTo(20);
        assertThat(outcome.path("retried")).extracting(JsonNode::asLong)
                .containsExactlyInAnyOrderElementsOf(toShanghai);
        assertThat(outcome.path("skipped")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(toShanghai.stream()
                .map(id -> ComplaintsToPartners.stateOf(jdbc, id))).containsOnly("DELIVERED"));
        for (long ledgerId : toShanghai) {
            assertThat(jdbc.queryForList("select outcome, retry_action_id from delivery_attempt where ledger_id = ? "
                    + "order by id", ledgerId)).extracting(row -> row.get("outcome") + " " + row.get("retry_action_id"))
                    .as("the first attempt stays, the new one names the bulk retry")
                    .containsExactly("DELIVERY_FAILED null", "DELIVERED " + actionId);
        }
        assertThat(toJiangsu.stream().map(id -> ComplaintsToPartners.stateOf(jdbc, id)))
                .containsOnly("DELIVERY_FAILED");
        Map<String, Object> action = jdbc.queryForMap("select operator, action, subject, detail, reason from operator_action "
                + "where id = ?", actionId);
        assertThat(action.get("action")).isEqualTo("BULK_RETRY");
        assertThat(action.get("subject")).isEqualTo("messages:SH");
        assertThat(action.get("operator")).isEqualTo("operator");
        assertThat((String) action.get("detail")).contains("receiver=SH", "matched 20");
        assertThat(action.get("reason")).isEqualTo("Shanghai fixed its category table");

        JsonNode stillFailed = json.readTree(operator.getForObject("/api/failures?receiver=JS", String.class));
        assertThat(stillFailed.path("total").asLong()).isEqualTo(3);
        assertThat(stillFailed.path("items").get(0).path("reason").asText()).contains("HTTP 400");
    }

    @Test
    void aFailureIsFoundByItsCaseNumber() throws Exception {
        refuse(ComplaintsToPartners.JS_INBOX);
        String caseNumber = "SZ12315-2026-F" + UUID.randomUUID().toString().substring(0, 8);
        long ledgerId = ComplaintsToPartners.send(http, jdbc, "JS", caseNumber);
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERY_FAILED"));

        JsonNode found = json.readTree(operator.getForObject("/api/failures?caseRef=" + caseNumber, String.class));

        assertThat(found.path("total").asLong()).isEqualTo(1);
        JsonNode failure = found.path("items").get(0);
        assertThat(failure.path("ledgerId").asLong()).isEqualTo(ledgerId);
        assertThat(failure.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(failure.path("state").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(failure.path("attempts").asInt()).isEqualTo(1);
        assertThat(failure.path("lastAttempt").path("detail").asText()).isEqualTo("HTTP 400");
    }

    @Test
    void aDeliveredMessageIsReplayedUnderAnIdOfItsOwnWithALinkedAttempt() throws Exception {
        long ledgerId = ComplaintsToPartners.send(http, jdbc, "SH", "SZ12315-2026-R1");
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERED"));
        String messageId = jdbc.queryForObject("select message_id from ledger_message where id = ?", String.class,
                ledgerId);

        ResponseEntity<String> replayed = operator.postForEntity(
                "/api/messages/" + ledgerId + "/replay?reason=Shanghai lost it in a restore", null, String.class);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long actionId = json.readTree(replayed.getBody()).path("actionId").asLong();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> PARTNERS.verify(2,
                postRequestedFor(urlEqualTo(ComplaintsToPartners.SH_INBOX)).withRequestBody(containing(messageId))));
        await().atMost(Duration.ofSeconds(5)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERED"));
        assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo(ComplaintsToPartners.SH_INBOX))
                .withRequestBody(containing(messageId)))).extracting(LoggedRequest::getHeaders)
                .extracting(headers -> headers.getHeader("Idempotency-Key").firstValue())
                .as("the receiver's de-duplication takes the replay")
                .containsExactly("SAMR-GD-SZ:" + messageId, "SAMR-GD-SZ:" + messageId + ":replay-" + actionId);
        assertThat(jdbc.queryForList("select outcome, retry_action_id from delivery_attempt where ledger_id = ? "
                + "order by id", ledgerId)).extracting(row -> row.get("outcome") + " " + row.get("retry_action_id"))
                .containsExactly("DELIVERED null", "DELIVERED " + actionId);
        assertThat(jdbc.queryForList("select message_id from ledger_message where direction = 'OUT' "
                + "and partner_code = 'SH' and message_id like ? order by id", String.class, "SZ:" + messageId + "%"))
                .containsExactly("SZ:" + messageId, "SZ:" + messageId + ":replay-" + actionId);
        assertThat(jdbc.queryForObject("select action from operator_action where id = ?", String.class, actionId))
                .isEqualTo("REPLAY_DELIVERY");
        assertThat(operator.postForEntity("/api/messages/" + ledgerId + "/retry", null, String.class)
                .getStatusCode()).as("a delivered message is replayed, not retried").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aReplayTheReceiverRefusedStaysAReplayWhenItIsRetried() throws Exception {
        long ledgerId = ComplaintsToPartners.send(http, jdbc, "SH", "SZ12315-2026-R2");
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERED"));
        String messageId = jdbc.queryForObject("select message_id from ledger_message where id = ?", String.class,
                ledgerId);
        refuse(ComplaintsToPartners.SH_INBOX);
        long replayId = json.readTree(operator.postForEntity("/api/messages/" + ledgerId + "/replay?reason=lost",
                null, String.class).getBody()).path("actionId").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERY_FAILED"));

        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(202)));
        assertThat(operator.postForEntity("/api/messages/" + ledgerId + "/retry", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERED"));
        assertThat(PARTNERS.findAll(postRequestedFor(urlEqualTo(ComplaintsToPartners.SH_INBOX))
                .withRequestBody(containing(messageId)))).extracting(LoggedRequest::getHeaders)
                .extracting(headers -> headers.getHeader("Idempotency-Key").firstValue())
                .containsExactly("SAMR-GD-SZ:" + messageId, "SAMR-GD-SZ:" + messageId + ":replay-" + replayId,
                        "SAMR-GD-SZ:" + messageId + ":replay-" + replayId);
    }

    private static void refuse(String inbox) {
        PARTNERS.stubFor(post(urlEqualTo(inbox)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unknown merchant category\"}")));
    }
}
