package cn.consumerexchange.gateway.transfer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import static cn.consumerexchange.gateway.GatewayTestSupport.SH_TOKEN;
import cn.consumerexchange.gateway.ledger.DeliveryLedger;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.QuarantinedInput;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * The first flow end to end: Shenzhen (gba-xml over Artemis queues) transfers a complaint about a Shanghai business;
 * Shanghai (yrd-json over HTTP, played by WireMock) receives it and answers with a status update that flows back to
 * Shenzhen. Real embedded broker, real database, real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AbstractComplaintTransferFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";

    /** The database is the subclass's choice. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    TransferLedger ledger;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    OperatorAudit audit;
    @Autowired
    DeliveryLedger deliveries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProducerTemplate camel;

    PartnerQueues shenzhen;

    @BeforeEach
    void setUp() {
        shenzhen = new PartnerQueues(jms, "SZ");
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    static String complaint(String messageId) {
        return GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId);
    }

    static String newMessageId() {
        return "SZ-T-" + UUID.randomUUID();
    }

    @Test
    void complaintIsAcknowledgedDeliveredAndItsStatusFlowsBack() throws Exception {
        String messageId = newMessageId();

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));

        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        assertThat(receipt.getAttribute("for")).isEqualTo(messageId);
        String gatewayRef = receipt.getAttribute("gateway-ref");
        assertThat(gatewayRef).matches("GW-\\d{4}-[0-9A-Z]{13}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX))
                        .withHeader("Content-Type", containing("application/json"))
                        .withHeader("Idempotency-Key", equalTo("SAMR-GD-SZ:" + messageId))
                        .withRequestBody(matchingJsonPath("$.msgType", equalTo("COMPLAINT")))
                        .withRequestBody(matchingJsonPath("$.toOrg", equalTo("SAMR-SH")))
                        .withRequestBody(matchingJsonPath("$.complaint.merchant.regionCode", equalTo("310115")))
                        .withRequestBody(matchingJsonPath("$.complaint.order.amount", equalTo("1299.00")))
                        .withRequestBody(matchingJsonPath("$.refs[0]", equalTo(gatewayRef)))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERED));
        assertThat(SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))))
                .singleElement().satisfies(request -> assertThat(request.getHeaders().keys())
                        .as("the gateway's internal headers stay inside")
                        .noneMatch(name -> name.toLowerCase().startsWith("exchange")));

        TransferCase opened = ledger.findCase(gatewayRef).orElseThrow();
        assertThat(opened.originPartner()).isEqualTo("SZ");
        assertThat(opened.receivingPartner()).isEqualTo("SH");
        assertThat(opened.receivingDivision()).isEqualTo("310115");
        assertThat(opened.originCaseNumber()).isEqualTo("SZ12315-2026-000123");

        ResponseEntity<String> answered = postAsShanghai(statusAccepted(gatewayRef), SH_TOKEN);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode ack = json.readTree(answered.getBody());
        assertThat(ack.path("msgType").asText()).isEqualTo("ACK");
        assertThat(ack.path("ack").path("gatewayRef").asText()).isEqualTo(gatewayRef);

        Element status = nextDeliveryTo(gatewayRef);
        assertThat(status.getAttribute("type")).isEqualTo("status");
        Element body = (Element) status.getElementsByTagName("status").item(0);
        assertThat(body.getAttribute("state")).isEqualTo("ACCEPTED");
        assertThat(body.getAttribute("case")).isEqualTo(gatewayRef);
        assertThat(body.getAttribute("by")).isEqualTo("SAMR-SH");
        assertThat(ledger.findCase(gatewayRef).orElseThrow().state()).isEqualTo("ACCEPTED");

        // Shenzhen's queue has the status before the ledger records it delivered: "delivered" means the partner has it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ledger.entriesOf(gatewayRef))
                .extracting(e -> e.direction() + " " + e.partnerCode() + " " + e.messageType())
                .containsExactly("IN SZ COMPLAINT", "OUT SH COMPLAINT", "IN SH STATUS_UPDATE", "OUT SZ STATUS_UPDATE"));
        assertThat(ledger.entriesOf(gatewayRef).get(0).payloadSha256()).hasSize(64);
    }

    @Test
    void httpIntakeTakesTheBodyAsSentWhateverTheDeclaredContentType() {
        String messageId = newMessageId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);

        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(complaint(messageId), headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.getBody()).contains("result=\"ACCEPTED\"", "for=\"" + messageId + "\"");
        assertDeliveredOnce(messageId);
    }

    // Rejections: every one answered with codes and paths, the input kept, nothing delivered.

    @Test
    void invalidComplaintIsRejectedWithEveryReasonAndKept() {
        String messageId = newMessageId();
        // Two faults the contract's rules find, so both are answered at once (a value the schema refuses, such as a
        // negative amount, is answered before the rules run).
        String invalid = complaint(messageId)
                .replace("91310115MA1K3P8Q2W", "91310115MA1K3P8Q2X")
                .replace("date=\"2026-10-02\"", "date=\"2099-10-02\"");

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(invalid)));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(receipt.getAttribute("for")).isEqualTo(messageId);
        assertThat(errorCodes(receipt)).contains("INVALID_CREDIT_CODE", "DATE_IN_FUTURE");
        LedgerEntry kept = ledger.findInbound("SZ", messageId).orElseThrow();
        assertThat(kept.state()).isEqualTo(MessageState.REJECTED);
        assertThat(new String(ledger.payloadOf(kept.id()).orElseThrow())).contains("91310115MA1K3P8Q2X");
        assertNothingDeliveredFor(messageId);
    }

    @Test
    void idTheContractCannotCarryIsAnsweredUnderTheGatewaysReferenceAndKept() {
        String longId = "SZ-" + "9".repeat(120);

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(longId))));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        String reference = receipt.getAttribute("for");
        assertThat(reference).startsWith("GW-Q-");
        assertThat(errorCodes(receipt)).first().isEqualTo("UNREADABLE_MESSAGE_ID");
        QuarantinedInput kept = ledger.findQuarantined(reference).orElseThrow();
        assertThat(kept.messageId()).isEqualTo(longId);
        assertThat(kept.errorCode()).isEqualTo("UNREADABLE_MESSAGE_ID");
        assertThat(kept.reason()).doesNotContain(longId);
    }

    @Test
    void messageWithoutIdIsAnsweredOverHttpUnderTheGatewaysReference() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String withoutId = complaint("x").replace("<msg-id>x</msg-id>", "");

        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(withoutId, headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Element receipt = PartnerQueues.receipt(PartnerQueues.parse(answer.getBody()));
        assertThat(errorCodes(receipt)).contains("UNREADABLE_MESSAGE_ID");
        assertThat(ledger.findQuarantined(receipt.getAttribute("for"))).isPresent();
    }

    @Test
    void oversizeMessageIsRefusedWithItsRealSizeAndKeptUpToTheLimit() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        String complaint = complaint(newMessageId());
        byte[] oversize = (complaint + "<!--" + "x".repeat(1_100_000) + "-->").getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(oversize, headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Element receipt = PartnerQueues.receipt(PartnerQueues.parse(answer.getBody()));
        assertThat(errorCodes(receipt)).containsExactly("DOCUMENT_TOO_LARGE", "UNREADABLE_MESSAGE_ID");
        assertThat(answer.getBody()).contains(oversize.length + " bytes");
        QuarantinedInput kept = ledger.findQuarantined(receipt.getAttribute("for")).orElseThrow();
        assertThat(kept.payloadSize()).isEqualTo(oversize.length);
        assertThat(kept.payloadSha256()).isEqualTo(Sha256.hex(oversize));
        assertThat(jdbc.queryForObject("select octet_length(payload) from quarantined_input where reference = ?",
                Integer.class, kept.reference())).isEqualTo(1_048_576);
    }

    @Test
    void complaintMissingRequiredFieldsIsRejectedWithTheirPaths() {
        String messageId = newMessageId();
        String incomplete = complaint(messageId)
                .replaceAll("<facts>.*</facts>", "")
                .replace("<category>010203001</category>", "");

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(incomplete)));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(errorCodes(receipt)).containsOnly("MISSING_FIELD");
        assertThat(errorPaths(receipt)).contains("/ExchangeMessage/Complaint/Category",
                "/ExchangeMessage/Complaint/Facts");
        assertNothingDeliveredFor(messageId);
    }

    @Test
    void unknownDivisionIsRejected() {
        String messageId = newMessageId();
        String unknown = complaint(messageId).replace("<area-code>310115</area-code>",
                "<area-code>319999</area-code>");

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(unknown)));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(errorCodes(receipt)).contains("UNKNOWN_DIVISION");
        assertThat(errorPaths(receipt)).contains("/ExchangeMessage/Complaint/Respondent/DivisionCode");
    }

    @Test
    void regionWithoutPartnerIsRejected() {
        String messageId = newMessageId();
        // 510104: Chengdu's Jinjiang district, a real division that no partner of the exchange serves yet.
        String sichuan = complaint(messageId)
                .replace("<area-code>310115</area-code>", "<area-code>510104</area-code>")
                .replace("91310115MA1K3P8Q2W", "91510104MA2CE7QJ5" + checkCharacter("91510104MA2CE7QJ5"));

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(sichuan)));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(errorCodes(receipt)).containsExactly("NO_PARTNER_FOR_REGION");
        assertNothingDeliveredFor(messageId);
    }

    @Test
    void malformedAndHostileInputIsRejectedAndTheGatewayKeepsRunning() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE gba-message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<gba-message type=\"complaint\"><header><msg-id>&x;</msg-id></header></gba-message>";

        Element hostile = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(xxe)));
        Element malformed = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send("<gba-message><header>")));

        assertThat(hostile.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(errorCodes(hostile)).containsExactly("FORBIDDEN_XML_CONSTRUCT", "UNREADABLE_MESSAGE_ID");
        assertThat(hostile.getTextContent()).doesNotContain("root:");
        assertThat(errorCodes(malformed)).containsExactly("MALFORMED_XML", "UNREADABLE_MESSAGE_ID");

        String messageId = newMessageId();
        Element stillWorking = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));
        assertThat(stillWorking.getAttribute("result")).isEqualTo("ACCEPTED");
    }

    @Test
    void partnerCannotSendAsAnotherAuthority() {
        String messageId = newMessageId();
        String forged = complaint(messageId).replace("<from>SAMR-GD-SZ</from>", "<from>SAMR-SH</from>");

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(forged)));

        assertThat(errorCodes(receipt)).containsExactly("UNKNOWN_SENDER");
    }

    @Test
    void httpIntakeRefusesAWrongToken() {
        ResponseEntity<String> answer = postAsShanghai(statusAccepted("GW-2026-0000000000"), "not-the-token");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void statusForACaseTheSenderIsNotPartOfIsRejected() throws Exception {
        ResponseEntity<String> answer = postAsShanghai(statusAccepted("GW-2026-0000000000"),
                GatewayTestSupport.SH_TOKEN);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode reject = json.readTree(answer.getBody());
        assertThat(reject.path("msgType").asText()).isEqualTo("REJECT");
        assertThat(reject.path("reject").path("errors").get(0).path("code").asText()).isEqualTo("UNKNOWN_CASE");
    }

    // Duplicates: one effect per message id.

    @Test
    void sameMessageTwiceIsAnsweredTwiceAlikeAndDeliveredOnce() {
        String messageId = newMessageId();
        String message = complaint(messageId);

        Element first = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(message)));
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                .state() == MessageState.DELIVERED);
        Element second = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(message)));

        assertThat(second.getAttribute("result")).isEqualTo("ACCEPTED");
        assertThat(second.getAttribute("gateway-ref")).isEqualTo(first.getAttribute("gateway-ref"));
        assertThat(second.getAttribute("time")).isEqualTo(first.getAttribute("time"));
        assertThat(ledger.entriesOf(first.getAttribute("gateway-ref"))).hasSize(2);
        assertDeliveredOnce(messageId);
    }

    @Test
    void sameMessageTwiceAtOnceIsDeliveredOnce() {
        String messageId = newMessageId();
        String message = complaint(messageId);

        String firstJmsId = shenzhen.send(message);
        String secondJmsId = shenzhen.send(message);
        Element first = PartnerQueues.receipt(shenzhen.answerTo(firstJmsId));
        Element second = PartnerQueues.receipt(shenzhen.answerTo(secondJmsId));

        assertThat(second.getAttribute("gateway-ref")).isEqualTo(first.getAttribute("gateway-ref"));
        assertDeliveredOnce(messageId);
    }

    @Test
    void sameIdWithOtherContentIsAConflict() {
        String messageId = newMessageId();
        Element accepted = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));
        int quarantinedBefore = ledger.quarantinedCount("SZ");

        Element conflict = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(
                complaint(messageId).replace(">1299.00<", ">1399.00<"))));

        assertThat(accepted.getAttribute("result")).isEqualTo("ACCEPTED");
        assertThat(conflict.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(errorCodes(conflict)).containsExactly("DUPLICATE_CONFLICT");
        assertThat(ledger.quarantinedCount("SZ")).isEqualTo(quarantinedBefore + 1);
        assertDeliveredOnce(messageId);
    }

    // An operator switches deliveries to a partner off and on.

    @Test
    void deliveriesToADisabledPartnerWaitUntilItIsEnabledAgain() throws Exception {
        String messageId = newMessageId();
        TestRestTemplate operator = http.withBasicAuth("operator", "demo-operator");
        try {
            assertThat(operator.postForEntity("/api/partners/SH/disable?reason=maintenance", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);

            Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));

            assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
            assertNothingDeliveredFor(messageId);
            assertThat(ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERING);
            JsonNode partners = json.readTree(operator.getForObject("/api/partners", String.class));
            assertThat(partners.findParents("code")).filteredOn(p -> p.path("code").asText().equals("SH"))
                    .singleElement().satisfies(shanghai -> {
                        assertThat(shanghai.path("enabled").asBoolean()).isFalse();
                        assertThat(shanghai.path("delivering").asBoolean()).isFalse();
                    });
        } finally {
            assertThat(operator.postForEntity("/api/partners/SH/enable", null, String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertDeliveredOnce(messageId);
        assertThat(audit.of("SH")).extracting(OperatorAudit.Action::action)
                .containsSubsequence("DISABLE_PARTNER", "ENABLE_PARTNER");
        assertThat(audit.of("SH")).filteredOn(action -> action.action().equals("DISABLE_PARTNER")).last()
                .satisfies(action -> {
                    assertThat(action.operator()).isEqualTo("operator");
                    assertThat(action.reason()).isEqualTo("maintenance");
                });
    }

    // The receiving partner is down, or refuses.

    @Test
    void deliveryToAPartnerThatIsDownWaitsAndIsDeliveredOnceItIsBack() {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(503)));
        String messageId = newMessageId();

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));

        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            LedgerEntry entry = ledger.findInbound("SZ", messageId).orElseThrow();
            assertThat(entry.state()).isEqualTo(MessageState.AWAITING_RETRY);
            assertThat(entry.reason()).contains("HTTP 503");
            SHANGHAI.verify(moreThanOrExactly(2), postRequestedFor(urlEqualTo(SH_INBOX))
                    .withRequestBody(containing(messageId)));
        });

        // Shanghai is back: the message goes through with no operator, under the same idempotency key every time.
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));

        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                .state() == MessageState.DELIVERED);
        assertThat(SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))))
                .extracting(request -> request.getHeader("Idempotency-Key"))
                .containsOnly("SAMR-GD-SZ:" + messageId);
        assertThat(audit.of("message:" + ledger.findInbound("SZ", messageId).orElseThrow().id())).isEmpty();
    }

    @Test
    void deliveryThePartnerRefusesFailsAtOnceWithItsAnswerAndAnOperatorCanRetryIt() {
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"unknown merchant category\"}")));
        String messageId = newMessageId();

        Element receipt = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(messageId))));

        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            LedgerEntry entry = ledger.findInbound("SZ", messageId).orElseThrow();
            assertThat(entry.state()).isEqualTo(MessageState.DELIVERY_FAILED);
            assertThat(entry.reason()).contains("HTTP 400").contains("unknown merchant category");
        });
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))));

        // Shanghai has fixed its side; an operator retries, and the retry is audited.
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
        long ledgerId = ledger.findInbound("SZ", messageId).orElseThrow().id();
        TestRestTemplate operator = http.withBasicAuth("operator", "demo-operator");
        ResponseEntity<String> retried = operator.postForEntity(
                "/api/messages/" + ledgerId + "/retry?reason=Shanghai fixed its side", null, String.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                .state() == MessageState.DELIVERED);
        SHANGHAI.verify(2, postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId)));
        assertThat(audit.of("message:" + ledgerId)).singleElement().satisfies(action -> {
            assertThat(action.operator()).isEqualTo("operator");
            assertThat(action.action()).isEqualTo("RETRY_DELIVERY");
            assertThat(action.reason()).isEqualTo("Shanghai fixed its side");
            assertThat(action.outcome()).isEqualTo(OperatorAudit.Outcome.DONE);
        });
        assertThat(operator.postForEntity("/api/messages/" + ledgerId + "/retry", null, String.class)
                .getStatusCode()).as("nothing left to retry").isEqualTo(HttpStatus.CONFLICT);
    }

    // The database is away.

    @Test
    void httpIntakeAnswers503WhileTheLedgerIsAwayAndAcceptsTheSameMessageWhenItIsBack() throws Exception {
        String gatewayRef = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(newMessageId()))))
                .getAttribute("gateway-ref");
        String status = statusAccepted(gatewayRef);
        ResponseEntity<String> duringOutage;
        jdbc.execute("alter table ledger_message rename to ledger_message_away");
        try {
            duringOutage = postAsShanghai(status, SH_TOKEN);
        } finally {
            jdbc.execute("alter table ledger_message_away rename to ledger_message");
        }

        assertThat(duringOutage.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(duringOutage.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        JsonNode unavailable = json.readTree(duringOutage.getBody());
        assertThat(unavailable.path("msgType").asText()).isEqualTo("REJECT");
        assertThat(unavailable.path("reject").path("errors").get(0).path("code").asText())
                .isEqualTo("GATEWAY_UNAVAILABLE");

        ResponseEntity<String> afterwards = postAsShanghai(status, SH_TOKEN);
        assertThat(afterwards.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json.readTree(afterwards.getBody()).path("ack").path("gatewayRef").asText()).isEqualTo(gatewayRef);
    }

    // What the broker gives up on.

    @Test
    void aMessageTheBrokerGaveUpOnIsQuarantinedWithItsReasonAndThePartnerIsAnswered() {
        int quarantined = ledger.quarantinedCount("SZ");
        String messageId = newMessageId();

        Element answer = shenzhen.answerTo(shenzhen.sendAsDeadLettered(complaint(messageId)));

        assertThat(answer.getElementsByTagName("error").getLength()).as("one error in the answer").isEqualTo(1);
        Element error = (Element) answer.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("code")).isEqualTo("GATEWAY_UNAVAILABLE");
        await().atMost(Duration.ofSeconds(5)).until(() -> ledger.quarantinedCount("SZ") == quarantined + 1);
        assertThat(ledger.quarantinedReasons("SZ")).last().asString().contains("partner.SZ.inbound");
        assertThat(ledger.findInbound("SZ", messageId)).isEmpty();
    }

    // The ledger, not the broker, decides what is delivered.

    @Test
    void anAcceptedMessageWhoseNudgeWasLostIsDispatchedByTheSweeperWhenTheIntakesClaimEnds() {
        String messageId = newMessageId();
        // As the intake leaves a message when the process dies between the ledger's commit and the broker's: held
        // for a nudge that never reached the queue.
        recordAccepted(messageId);
        assertThat(ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERING);

        assertDeliveredOnce(messageId);
        SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX))
                .withHeader("Idempotency-Key", equalTo("SAMR-GD-SZ:" + messageId)));
    }

    @Test
    void aMessageHeldByALiveAttemptIsLeftToIt() {
        String messageId = newMessageId();
        recordAccepted(messageId);
        jdbc.update("update ledger_message set claimed_until = ? where partner_code = 'SZ' and message_id = ?",
                OffsetDateTime.now().plusMinutes(1), messageId);

        assertThat(deliveries.claim(new MessageKey("SZ", messageId), Duration.ofMinutes(1), false))
                .as("a second attempt").isFalse();
        assertNothingDeliveredFor(messageId);
        assertThat(ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERING);
    }

    @Test
    void aNudgeCarryingACopyInAFormatTheReceiverNoLongerHasIsDeliveredInItsFormatFromTheLedger() {
        String messageId = newMessageId();
        recordAccepted(messageId);
        String gatewayRef = ledger.findInbound("SZ", messageId).orElseThrow().gatewayRef();
        // As a nudge the intake sent before the partner registry gave Shanghai another format.
        camel.sendBodyAndHeaders(Endpoints.HAND_OFF, complaint(messageId), Map.of(
                Endpoints.SENDER_HEADER, "SZ", Endpoints.MESSAGE_ID_HEADER, messageId,
                Endpoints.RECEIVER_HEADER, "SH", Endpoints.GATEWAY_REF_HEADER, gatewayRef,
                Endpoints.HELD_BY_INTAKE_HEADER, true, Endpoints.WRITTEN_FOR_HEADER, "gba-xml",
                Endpoints.MESSAGE_TYPE_HEADER, "COMPLAINT"));

        assertDeliveredOnce(messageId);
        SHANGHAI.verify(1, postRequestedFor(urlEqualTo(SH_INBOX))
                .withRequestBody(matchingJsonPath("$.msgId", equalTo(messageId)))
                .withRequestBody(matchingJsonPath("$.toOrg", equalTo("SAMR-SH"))));
    }

    @Test
    void aDeliveryTheQueuePartnerAlreadyHasFromAnAttemptThatDiedIsRecordedDeliveredNotSentTwice() throws Exception {
        String gatewayRef = PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(complaint(newMessageId()))))
                .getAttribute("gateway-ref");
        String status = statusAccepted(gatewayRef);
        String statusId = json.readTree(status).path("msgId").asText();
        // The attempt that died had put the status on Shenzhen's queue; the ledger never heard of it.
        camel.sendBodyAndHeader(Endpoints.partnerQueue("partner.SZ.outbound"), "the first copy",
                Endpoints.DUPLICATE_ID_PROPERTY, "SAMR-SH:" + statusId);
        byte[] payload = status.getBytes(StandardCharsets.UTF_8);
        ledger.record(new TransferLedger.NewEntry(Direction.IN, "SH", statusId, "STATUS_UPDATE", "SAMR-SH", "SZ",
                gatewayRef, gatewayRef, Sha256.hex(payload), payload, MessageState.ACCEPTED, null));

        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SH", statusId).orElseThrow()
                .state() == MessageState.DELIVERED);
        List<String> onShenzhensQueue = new ArrayList<>();
        for (String delivery = shenzhen.nextDelivery(2_000); delivery != null; delivery = shenzhen.nextDelivery(500)) {
            onShenzhensQueue.add(delivery);
        }
        assertThat(onShenzhensQueue).contains("the first copy").noneMatch(delivery -> delivery.contains(statusId));
    }

    /**
     * Two status updates on one case at once, over the real HTTP intake: ACCEPTED and NOT_ACCEPTED, both legal from
     * TRANSFERRED and each illegal after the other. Exactly one wins, the other is refused naming the state the winner
     * set, the case and its history agree, and Shenzhen gets exactly one feedback per case.
     */
    @Test
    void concurrentStatusUpdatesOnOneCaseHaveExactlyOneWinner() throws Exception {
        int rounds = 25;
        List<String> cases = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String gatewayRef = acceptedComplaintOverHttp();
                cases.add(gatewayRef);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<ResponseEntity<String>> accepting = threads.submit(() -> {
                    together.await();
                    return postAsShanghai(statusAccepted(gatewayRef), SH_TOKEN);
                });
                Future<ResponseEntity<String>> refusing = threads.submit(() -> {
                    together.await();
                    return postAsShanghai(statusNotAccepted(gatewayRef), SH_TOKEN);
                });
                ResponseEntity<String> accepted = accepting.get(30, TimeUnit.SECONDS);
                ResponseEntity<String> notAccepted = refusing.get(30, TimeUnit.SECONDS);

                assertThat(List.of(accepted.getStatusCode(), notAccepted.getStatusCode()))
                        .as("round %d: %s / %s", round, accepted.getBody(), notAccepted.getBody())
                        .containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.UNPROCESSABLE_ENTITY);
                String winner = accepted.getStatusCode() == HttpStatus.ACCEPTED ? "ACCEPTED" : "NOT_ACCEPTED";
                String loser = winner.equals("ACCEPTED") ? "NOT_ACCEPTED" : "ACCEPTED";
                JsonNode refusal = json.readTree((winner.equals("ACCEPTED") ? notAccepted : accepted).getBody());
                assertThat(refusal.path("reject").path("errors").get(0).path("code").asText())
                        .as("round %d: %s", round, refusal).isEqualTo("ILLEGAL_TRANSITION");
                assertThat(refusal.toString()).contains("is " + winner, "cannot go to " + loser);
                assertThat(ledger.findCase(gatewayRef).orElseThrow().state()).isEqualTo(winner);
                assertThat(jdbc.queryForList("select from_state || '>' || to_state from case_transition "
                        + "where gateway_ref = ? order by id", String.class, gatewayRef))
                        .as("round %d", round).containsExactly("TRANSFERRED>" + winner);
            }
        } finally {
            threads.shutdownNow();
        }
        for (String gatewayRef : cases) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ledger.entriesOf(gatewayRef))
                    .filteredOn(e -> e.direction() == Direction.OUT && e.partnerCode().equals("SZ"))
                    .extracting(LedgerEntry::messageType).containsExactly("STATUS_UPDATE"));
            assertThat(ledger.entriesOf(gatewayRef))
                    .filteredOn(e -> e.direction() == Direction.IN && e.partnerCode().equals("SH"))
                    .extracting(LedgerEntry::state)
                    .containsExactlyInAnyOrder(MessageState.DELIVERED, MessageState.REJECTED);
        }
        List<String> feedback = new ArrayList<>();
        for (String delivery = shenzhen.nextDelivery(2_000); delivery != null; delivery = shenzhen.nextDelivery(2_000)) {
            feedback.add(delivery);
        }
        for (String gatewayRef : cases) {
            assertThat(feedback).as("feedback on %s", gatewayRef)
                    .filteredOn(delivery -> delivery.contains("case=\"" + gatewayRef + "\"")).hasSize(1);
        }
    }

    private String acceptedComplaintOverHttp() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", GatewayTestSupport.SZ_TOKEN);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/SZ/messages",
                new HttpEntity<>(complaint(newMessageId()), headers), String.class);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        return PartnerQueues.receipt(PartnerQueues.parse(answer.getBody())).getAttribute("gateway-ref");
    }

    static String statusNotAccepted(String gatewayRef) {
        return statusAccepted(gatewayRef)
                .replace("\"state\": \"ACCEPTED\"", "\"state\": \"NOT_ACCEPTED\", \"reason\": \"同一争议已由其他部门受理（第十六条）\"");
    }

    private void recordAccepted(String messageId) {
        byte[] payload = complaint(messageId).getBytes(StandardCharsets.UTF_8);
        ledger.record(new TransferLedger.NewEntry(Direction.IN, "SZ", messageId, "COMPLAINT", "SAMR-GD-SZ", "SH",
                "SZ12315-2026-000123", "GW-2026-" + messageId.substring(messageId.length() - 10).toUpperCase(),
                Sha256.hex(payload), payload, MessageState.ACCEPTED, null));
    }

    private void assertDeliveredOnce(String messageId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.findInbound("SZ", messageId).orElseThrow()
                .state() == MessageState.DELIVERED);
        // Give a second, wrong delivery the time it would need to show.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> SHANGHAI.verify(1,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))));
    }

    private void assertNothingDeliveredFor(String messageId) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> SHANGHAI.verify(0,
                postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))));
    }

    private Element nextDeliveryTo(String gatewayRef) {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String delivery = shenzhen.nextDelivery(1_000);
            if (delivery != null && delivery.contains(gatewayRef)) {
                return PartnerQueues.parse(delivery);
            }
            if (delivery != null) {
                seen.add(delivery);
            }
        }
        throw new AssertionError("No delivery to SZ for " + gatewayRef + "; saw " + seen);
    }

    private ResponseEntity<String> postAsShanghai(String body, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Partner-Token", token);
        return http.postForEntity("/api/partners/SH/messages", new HttpEntity<>(body, headers), String.class);
    }

    static String statusAccepted(String gatewayRef) {
        return GatewayTestSupport.sample("yrd-json/status-accepted.json")
                .replace("SH-ST-20261121-0001", "SH-ST-" + UUID.randomUUID())
                .replace("GW-2026-REPLACEME0", gatewayRef);
    }

    static List<String> errorCodes(Element receipt) {
        return errorAttribute(receipt, "code");
    }

    static List<String> errorPaths(Element receipt) {
        return errorAttribute(receipt, "path");
    }

    private static List<String> errorAttribute(Element receipt, String attribute) {
        NodeList errors = receipt.getElementsByTagName("error");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < errors.getLength(); i++) {
            values.add(((Element) errors.item(i)).getAttribute(attribute));
        }
        return values;
    }

    static char checkCharacter(String first17) {
        return cn.consumerexchange.contract.UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
