package cn.consumerexchange.gateway.transfer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
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

import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.failures.ComplaintsToPartners;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * Every delivery attempt leaves one {@code delivery_attempt} row (投递记录) with how it ended, and an operator's retry
 * is linked to the attempt it causes. Real gateway, embedded broker, H2, WireMock as Shanghai.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryAttemptsTest {

    static final WireMockServer PARTNERS = GatewayTestSupport.startPartnerServer();
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, PARTNERS);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    TransferLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void shanghaiTakesDeliveries() {
        PARTNERS.resetAll();
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void aReceiverFailingTwiceThenTakingTheMessageLeavesThreeAttemptsWithTheirOutcomesAndTrace() {
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).inScenario("flaky")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).inScenario("flaky")
                .whenScenarioStateIs("failed once").willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).inScenario("flaky")
                .whenScenarioStateIs("back").willReturn(aResponse().withStatus(202)));
        // As an intake whose process died after its commit leaves a message: held for a nudge that never came, so the
        // sweeper's attempt takes it over when the claim ends. The dead claim counted as attempt 1 and has no row.
        LedgerEntry entry = recordHeldByADeadIntake();
        jdbc.update("update ledger_message set trace_id = ? where id = ?", TRACE_ID, entry.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.find(entry.id()).orElseThrow().state()
                == MessageState.DELIVERED);

        List<Map<String, Object>> attempts = attemptsOf(entry.id());
        assertThat(attempts).extracting(row -> row.get("attempt") + " " + row.get("outcome") + " "
                + row.get("error_code") + " " + row.get("detail"))
                .containsExactly("2 AWAITING_RETRY PARTNER_UNAVAILABLE HTTP 503",
                        "3 AWAITING_RETRY PARTNER_UNAVAILABLE HTTP 503",
                        "4 DELIVERED null null");
        assertThat(attempts).allSatisfy(row -> {
            assertThat(row.get("trace_id")).isEqualTo(TRACE_ID);
            assertThat(row.get("receiver")).isEqualTo("SH");
            assertThat(row.get("retry_action_id")).isNull();
            assertThat(((OffsetDateTime) row.get("finished_at")))
                    .isAfterOrEqualTo((OffsetDateTime) row.get("started_at"));
        });
        PARTNERS.verify(3, postRequestedFor(urlEqualTo(ComplaintsToPartners.SH_INBOX))
                .withRequestBody(containing(entry.messageId())));
    }

    @Test
    void aRefusedDeliveryIsRecordedFailedAndTheOperatorsRetryIsLinkedToItsNextAttempt() throws Exception {
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"陈晓明 13800138000 unknown category\"}")));
        long ledgerId = ComplaintsToPartners.send(http, jdbc, "SH", "SZ12315-2026-A" + suffix());
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERY_FAILED"));
        assertThat(attemptsOf(ledgerId)).singleElement().satisfies(row -> {
            assertThat(row.get("outcome")).isEqualTo("DELIVERY_FAILED");
            assertThat(row.get("error_code")).isEqualTo("PARTNER_REFUSED");
            assertThat(row.get("detail")).as("no personal data from the partner's answer").isEqualTo("HTTP 400");
        });

        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(202)));
        ResponseEntity<String> retried = http.withBasicAuth("operator", "demo-operator")
                .postForEntity("/api/messages/" + ledgerId + "/retry?reason=category table fixed", null, String.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long actionId = json.readTree(retried.getBody()).path("actionId").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERED"));
        assertThat(attemptsOf(ledgerId)).extracting(row -> row.get("attempt") + " " + row.get("outcome") + " "
                + row.get("retry_action_id"))
                .containsExactly("1 DELIVERY_FAILED null", "1 DELIVERED " + actionId);
        assertThat(jdbc.queryForObject("select retry_action_id from ledger_message where id = ?", Long.class,
                ledgerId)).as("cleared once an attempt named it").isNull();
        assertThat(jdbc.queryForObject("select action from operator_action where id = ?", String.class, actionId))
                .isEqualTo("RETRY_DELIVERY");
    }

    @Test
    void aReplayWithoutAReasonIsRefusedAndAFailedMessageCannotBeReplayed() throws Exception {
        PARTNERS.stubFor(post(urlEqualTo(ComplaintsToPartners.SH_INBOX)).willReturn(aResponse().withStatus(400)));
        long ledgerId = ComplaintsToPartners.send(http, jdbc, "SH", "SZ12315-2026-B" + suffix());
        await().atMost(Duration.ofSeconds(15)).until(() -> ComplaintsToPartners.stateOf(jdbc, ledgerId)
                .equals("DELIVERY_FAILED"));
        TestRestTemplate operator = http.withBasicAuth("operator", "demo-operator");

        ResponseEntity<String> withoutReason = operator.postForEntity("/api/messages/" + ledgerId + "/replay", null,
                String.class);
        ResponseEntity<String> notDelivered = operator.postForEntity(
                "/api/messages/" + ledgerId + "/replay?reason=lost", null, String.class);

        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = json.readTree(withoutReason.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(notDelivered.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    private LedgerEntry recordHeldByADeadIntake() {
        String messageId = "SZ-A-" + UUID.randomUUID();
        byte[] payload = ComplaintsToPartners.complaint("SH", messageId, "SZ12315-2026-C" + suffix())
                .getBytes(StandardCharsets.UTF_8);
        return ledger.record(new TransferLedger.NewEntry(Direction.IN, "SZ", messageId, "COMPLAINT", "SAMR-GD-SZ",
                "SH", "SZ12315-2026-000123", "GW-2026-" + suffix(), Sha256.hex(payload), payload,
                MessageState.ACCEPTED, null));
    }

    private List<Map<String, Object>> attemptsOf(long ledgerId) {
        return jdbc.queryForList("select * from delivery_attempt where ledger_id = ? order by id", ledgerId);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
