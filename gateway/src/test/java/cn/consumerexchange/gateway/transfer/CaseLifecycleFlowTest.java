package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.audit.OperatorAudit;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification;
import cn.consumerexchange.gateway.ledger.chain.LedgerChainVerifier;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;

/**
 * The case lifecycle over real queues: LOR transfers a complaint about a Pudong business; LPD serves Pudong (310115),
 * LSH the rest of Shanghai (310000), so a case LPD returns (退回, art. 41) can go to LSH, and one both return waits for
 * an operator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleFlowTest {

    static final WireMockServer UNUSED_HTTP = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, UNUSED_HTTP);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-locations", () -> "classpath:lifecycle/");
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TransferLedger ledger;
    @Autowired
    CaseTransitions transitions;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    OperatorAudit audit;
    @Autowired
    LedgerChainVerifier verifier;
    @Autowired
    JdbcTemplate jdbc;

    PartnerQueues origin;
    PartnerQueues pudong;
    PartnerQueues shanghai;

    @BeforeEach
    void setUp() {
        origin = new PartnerQueues(jms, "LOR");
        pudong = new PartnerQueues(jms, "LPD");
        shanghai = new PartnerQueues(jms, "LSH");
    }

    @Test
    void aCaseReturnedByOnePartnerGoesToTheNextOneServingTheDivision() {
        String gatewayRef = transferToPudong();

        Element answer = report(pudong, "LPD", gatewayRef, CaseState.RETURNED, "被投诉人实际经营地不在浦东新区。");

        assertThat(answer.getAttribute("result")).isEqualTo("ACCEPTED");
        assertThat(nextDeliveryOf(origin, gatewayRef)).contains("state=\"RETURNED\"").contains("不在浦东新区");
        assertThat(nextDeliveryOf(shanghai, gatewayRef)).contains("type=\"complaint\"");
        TransferCase rerouted = ledger.findCase(gatewayRef).orElseThrow();
        assertThat(rerouted.state()).isEqualTo("TRANSFERRED");
        assertThat(rerouted.receivingPartner()).isEqualTo("LSH");
        assertThat(rerouted.needsOperator()).isFalse();
        assertThat(transitions.of(gatewayRef))
                .extracting(t -> t.fromState() + ">" + t.toState() + " by " + t.reportedBy() + " for "
                        + t.receivingPartner())
                .containsExactly("TRANSFERRED>RETURNED by LPD for LPD", "RETURNED>TRANSFERRED by GATEWAY for LSH");

        assertThat(report(shanghai, "LSH", gatewayRef, CaseState.ACCEPTED, null).getAttribute("result"))
                .isEqualTo("ACCEPTED");
        assertThat(nextDeliveryOf(origin, gatewayRef)).contains("state=\"ACCEPTED\"");
        assertThat(ledger.findCase(gatewayRef).orElseThrow().state()).isEqualTo("ACCEPTED");
    }

    @Test
    void aCaseEveryPartnerServingTheDivisionReturnedWaitsForAnOperator() throws Exception {
        String gatewayRef = transferToPudong();
        report(pudong, "LPD", gatewayRef, CaseState.RETURNED, "不属于本局管辖。");
        nextDeliveryOf(shanghai, gatewayRef);

        Element answer = report(shanghai, "LSH", gatewayRef, CaseState.RETURNED, "应由浦东新区局管辖。");

        assertThat(answer.getAttribute("result")).isEqualTo("ACCEPTED");
        TestRestTemplate viewer = http.withBasicAuth("viewer", "demo-viewer");
        JsonNode view = json.readTree(viewer.getForObject("/api/transfers/" + gatewayRef, String.class));
        assertThat(view.path("transfer").path("state").asText()).isEqualTo("RETURNED");
        assertThat(view.path("transfer").path("needsOperator").asBoolean()).isTrue();
        assertThat(view.path("transfer").path("receivingPartner").asText()).isEqualTo("LSH");
        assertThat(json.readTree(viewer.getForObject("/api/transfers/needing-operator", String.class)))
                .extracting(JsonNode::asText).contains(gatewayRef);
        assertThat(transitions.of(gatewayRef)).last().extracting(CaseTransition::ground)
                .isEqualTo("应由浦东新区局管辖。");
    }

    @Test
    void anOperatorGivesACaseWaitingForOneToAPartnerAndTheLedgerStaysIntact() {
        String gatewayRef = transferToPudong();
        report(pudong, "LPD", gatewayRef, CaseState.RETURNED, "不属于本局管辖。");
        nextDeliveryOf(shanghai, gatewayRef);
        report(shanghai, "LSH", gatewayRef, CaseState.RETURNED, "应由浦东新区局管辖。");
        TestRestTemplate operator = http.withBasicAuth("operator", "demo-operator");

        String reassign = "/api/transfers/" + gatewayRef + "/reassign?partner=";
        ResponseEntity<String> toTheOrigin = operator.postForEntity(reassign + "LOR", null, String.class);
        ResponseEntity<String> toAReturner = operator.postForEntity(reassign + "LPD", null, String.class);
        ResponseEntity<String> reassigned = operator.postForEntity(reassign + "LJS&reason=Jiangsu has jurisdiction",
                null, String.class);
        ResponseEntity<String> again = operator.postForEntity(reassign + "LJS", null, String.class);

        assertThat(toTheOrigin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toAReturner.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(reassigned.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(nextDeliveryOf(new PartnerQueues(jms, "LJS"), gatewayRef)).contains("type=\"complaint\"");
        TransferCase assigned = ledger.findCase(gatewayRef).orElseThrow();
        assertThat(assigned.state()).isEqualTo("TRANSFERRED");
        assertThat(assigned.receivingPartner()).isEqualTo("LJS");
        assertThat(assigned.needsOperator()).isFalse();
        assertThat(transitions.of(gatewayRef)).last()
                .extracting(t -> t.fromState() + ">" + t.toState() + " by " + t.reportedBy())
                .isEqualTo("RETURNED>TRANSFERRED by operator");
        assertThat(audit.of(gatewayRef)).filteredOn(action -> action.action().equals("REASSIGN_CASE"))
                .singleElement().extracting(OperatorAudit.Action::reason).isEqualTo("Jiangsu has jurisdiction");
        // A re-routed case changes its complaint's receiver, which the ledger's chain leaves out on purpose.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ChainVerification chain = verifier.verify();
            assertThat(chain.intact()).as("%s", chain.breaks()).isTrue();
            assertThat(chain.sealedEntries()).isEqualTo(ledgerRows());
        });
    }

    @Test
    void anIllegalTransitionIsRejectedNamingTheCurrentStateAndKept() {
        String gatewayRef = transferToPudong();
        report(pudong, "LPD", gatewayRef, CaseState.ACCEPTED, null);

        String messageId = "LPD-ST-" + UUID.randomUUID();
        Element receipt = PartnerQueues.receipt(pudong.answerTo(pudong.send(
                status("LPD", messageId, gatewayRef, CaseState.MEDIATED, null))));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        Element error = (Element) receipt.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("code")).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(error.getTextContent()).contains("is ACCEPTED", "cannot go to MEDIATED");
        LedgerEntry kept = ledger.findInbound("LPD", messageId).orElseThrow();
        assertThat(kept.state()).isEqualTo(MessageState.REJECTED);
        assertThat(kept.gatewayRef()).isEqualTo(gatewayRef);
        assertThat(ledger.findCase(gatewayRef).orElseThrow().state()).isEqualTo("ACCEPTED");
    }

    /** LOR sends a complaint about a Pudong business; it reaches LPD. */
    private long ledgerRows() {
        return jdbc.queryForObject("select count(*) from ledger_message", Long.class);
    }

    private String transferToPudong() {
        String complaint = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", "LOR-" + UUID.randomUUID())
                .replace("SAMR-GD-SZ", "TEST-LOR");
        Element receipt = PartnerQueues.receipt(origin.answerTo(origin.send(complaint)));
        assertThat(receipt.getAttribute("result")).as(receipt.getTextContent()).isEqualTo("ACCEPTED");
        String gatewayRef = receipt.getAttribute("gateway-ref");
        assertThat(nextDeliveryOf(pudong, gatewayRef)).contains("type=\"complaint\"");
        return gatewayRef;
    }

    private Element report(PartnerQueues partner, String code, String gatewayRef, CaseState state, String reason) {
        String messageId = code + "-ST-" + UUID.randomUUID();
        return PartnerQueues.receipt(partner.answerTo(partner.send(status(code, messageId, gatewayRef, state,
                reason))));
    }

    private String status(String code, String messageId, String gatewayRef, CaseState state, String reason) {
        ExchangeMessage status = SampleCases.statusAccepted("TEST-" + code, gatewayRef, "测试");
        status.getEnvelope().setMessageId(messageId);
        status.getStatusUpdate().setState(state);
        status.getStatusUpdate().setReason(reason);
        return new String(adapters.forFormat("gba-xml").toNative(status), StandardCharsets.UTF_8);
    }

    private static String nextDeliveryOf(PartnerQueues partner, String gatewayRef) {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String delivery = partner.nextDelivery(1_000);
            if (delivery != null && delivery.contains(gatewayRef)) {
                return delivery;
            }
            if (delivery != null) {
                seen.add(delivery);
            }
        }
        throw new AssertionError("No delivery for " + gatewayRef + "; saw " + seen);
    }
}
