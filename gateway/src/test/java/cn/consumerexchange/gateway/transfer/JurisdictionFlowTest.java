package cn.consumerexchange.gateway.transfer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.gateway.ConsoleSession;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;

/**
 * Jurisdiction end to end (Order No. 121 art. 13–14): Shenzhen transfers complaints about a business that operates in
 * Shanghai (yrd-json over HTTP, played by WireMock) and is domiciled in Guangzhou (gba-xml over queues), so both
 * authorities have jurisdiction. Real gateway, embedded broker, H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JurisdictionFlowTest {

    static final WireMockServer SHANGHAI = GatewayTestSupport.startPartnerServer();
    static final String SH_INBOX = "/partners/SH/inbox";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, SHANGHAI);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
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
    JurisdictionNotices jurisdictionNotices;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    PartnerQueues shenzhen;

    @BeforeEach
    void setUp() {
        shenzhen = new PartnerQueues(jms, "SZ");
        SHANGHAI.resetAll();
        SHANGHAI.stubFor(post(urlEqualTo(SH_INBOX)).willReturn(aResponse().withStatus(202)));
    }

    /** Shenzhen's complaint about the respondent at {@code placeOfBusiness}, domiciled at {@code domicile} if given. */
    static String complaint(String messageId, String caseNumber, String placeOfBusiness, String domicile) {
        String business = "<area-code>" + placeOfBusiness + "</area-code>"
                + (domicile == null ? "" : "<domicile-area-code>" + domicile + "</domicile-area-code>");
        return GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .replace("SZ-20261120-000123", messageId)
                .replace("SZ12315-2026-000123", caseNumber)
                .replace("<area-code>310115</area-code>", business);
    }

    static String newMessageId() {
        return "SZ-J-" + UUID.randomUUID();
    }

    static String newCaseNumber() {
        return "SZ12315-2026-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    Element send(String nativeComplaint) {
        return PartnerQueues.receipt(shenzhen.answerTo(shenzhen.send(nativeComplaint)));
    }

    @Test
    void noneHasItYetSoTheFirstPlaceOfArticle13ReceivesItTheOtherIsToBeToldAndOperatorsSeeWhy() throws Exception {
        String messageId = newMessageId();

        Element receipt = send(complaint(messageId, newCaseNumber(), "310115", "440106"));

        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        String gatewayRef = receipt.getAttribute("gateway-ref");
        TransferCase opened = ledger.findCase(gatewayRef).orElseThrow();
        assertThat(opened.receivingPartner()).as("the place of business comes first in art. 13").isEqualTo("SH");
        assertThat(opened.receivingDivision()).isEqualTo("310115");
        assertThat(opened.jurisdiction().rule()).isEqualTo("ART14_FIRST_RECEIVER");
        assertThat(opened.jurisdiction().toTell()).containsExactly("GZ");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", messageId).orElseThrow().state()).isEqualTo(MessageState.DELIVERED));
        assertThat(SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(messageId))))
                .isNotEmpty();
        assertThat(ledger.entriesOf(gatewayRef)).as("the complaint itself goes to the receiver only")
                .filteredOn(entry -> entry.messageType().equals("COMPLAINT"))
                .extracting(LedgerEntry::receiver).containsOnly("SH");

        ResponseEntity<String> api = http.withBasicAuth("operator", "demo-operator")
                .getForEntity("/api/transfers/" + gatewayRef, String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode jurisdiction = json.readTree(api.getBody()).path("transfer").path("jurisdiction");
        assertThat(jurisdiction.path("rule").asText()).isEqualTo("ART14_FIRST_RECEIVER");
        assertThat(jurisdiction.path("toTell").get(0).asText()).isEqualTo("GZ");
        assertThat(jurisdiction.path("detail").asText())
                .contains("第十四条", "art. 13: the respondent's place of business: 310115, served by SH",
                        "art. 13: the respondent's domicile: 440106, served by GZ through its coverage of 440100",
                        "To be told: GZ.");

        ConsoleSession console = ConsoleSession.loggedIn(port, "viewer", "demo-viewer");
        HttpResponse<String> page = console.get("/console/cases/" + gatewayRef + "?lang=en");
        assertThat(page.statusCode()).isEqualTo(HttpStatus.OK.value());
        assertThat(page.body()).contains(
                "id=\"jurisdiction-rule\">Art. 14: several authorities have jurisdiction; the first to receive it",
                "id=\"jurisdiction-to-tell\">GZ</span>", "Each is told once, when the case opens",
                "served by GZ through its coverage of 440100");
        assertThat(console.get("/console/cases/" + gatewayRef + "?lang=zh").body())
                .contains("第十四条：多个部门均有管辖权的，由先收到的部门处理", "同样有管辖权、应告知的部门");
    }

    @Test
    void theOtherAuthorityWithJurisdictionIsToldOnceInItsOwnFormatWithoutTheConsumersData() {
        Element receipt = send(complaint(newMessageId(), newCaseNumber(), "310115", "440106"));
        String gatewayRef = receipt.getAttribute("gateway-ref");
        String noticeId = "ART14:" + gatewayRef + ":GZ";

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound(CaseTransitions.GATEWAY, noticeId).orElseThrow().state())
                .isEqualTo(MessageState.DELIVERED));
        LedgerEntry notice = ledger.findInbound(CaseTransitions.GATEWAY, noticeId).orElseThrow();
        assertThat(notice.messageType()).isEqualTo("STATUS_UPDATE");
        assertThat(notice.receiver()).isEqualTo("GZ");
        assertThat(notice.gatewayRef()).isEqualTo(gatewayRef);

        // Guangzhou (gba-xml over its queue) gets a status update about the case, naming who handles it and why.
        PartnerQueues guangzhou = new PartnerQueues(jms, "GZ");
        String delivered;
        do {
            delivered = guangzhou.nextDelivery(15_000);
        } while (delivered != null && !delivered.contains(gatewayRef));
        assertThat(delivered).as("the notice on GZ's queue").isNotNull()
                .contains("type=\"status\"", "case=\"" + gatewayRef + "\"", "state=\"TRANSFERRED\"",
                        "管辖告知（第十四条）", "Jurisdiction notice (art. 14)", "SAMR-SH",
                        "art. 13: the respondent's domicile: 440106, served by GZ")
                .doesNotContain("陈晓明", "13800138000", "440305199001011234");

        // Looking at the opening again (a re-run, a restart) tells nobody twice.
        Integer again = transaction.execute(tx -> jurisdictionNotices.tell(ledger.findCase(gatewayRef).orElseThrow()));
        assertThat(again).isZero();
        assertThat(ledger.entriesOf(gatewayRef)).filteredOn(entry -> entry.partnerCode().equals("GATEWAY"))
                .as("one notice, to GZ only; the receiver SH is not told").extracting(LedgerEntry::receiver)
                .containsExactly("GZ");
    }

    @Test
    void theAuthorityThatAlreadyReceivedTheSameOriginCaseKeepsIt() {
        String caseNumber = newCaseNumber();
        String first = newMessageId();
        Element firstReceipt = send(complaint(first, caseNumber, "440106", null));
        TransferCase toGuangzhou = ledger.findCase(firstReceipt.getAttribute("gateway-ref")).orElseThrow();
        assertThat(toGuangzhou.receivingPartner()).isEqualTo("GZ");
        assertThat(toGuangzhou.jurisdiction().rule()).isEqualTo("ART13_PLACE_OF_BUSINESS");
        assertThat(toGuangzhou.jurisdiction().toTell()).isEmpty();

        // The same dispute again, now with the place of business in Shanghai and the domicile in Guangzhou.
        String again = newMessageId();
        Element receipt = send(complaint(again, caseNumber, "310115", "440106"));

        assertThat(receipt.getAttribute("result")).isEqualTo("ACCEPTED");
        TransferCase kept = ledger.findCase(receipt.getAttribute("gateway-ref")).orElseThrow();
        assertThat(kept.receivingPartner()).as("Guangzhou received it first (art. 14)").isEqualTo("GZ");
        assertThat(kept.receivingDivision()).isEqualTo("440106");
        assertThat(kept.jurisdiction().rule()).isEqualTo("ART14_FIRST_RECEIVER");
        assertThat(kept.jurisdiction().toTell()).containsExactly("SH");
        assertThat(kept.jurisdiction().detail()).contains("GZ already received this dispute");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                ledger.findInbound("SZ", again).orElseThrow().state()).isEqualTo(MessageState.DELIVERED));
        assertThat(SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)).withRequestBody(containing(again))))
                .isEmpty();
    }

    @Test
    void aSenderWithJurisdictionReceivedItFirstAndKeepsIt() {
        String messageId = newMessageId();

        Element receipt = send(complaint(messageId, newCaseNumber(), "310115", "440305"));

        assertThat(receipt.getAttribute("result")).isEqualTo("REJECTED");
        assertThat(AbstractComplaintTransferFlowTest.errorCodes(receipt)).containsExactly("NO_JURISDICTION");
        assertThat(ledger.findInbound("SZ", messageId).orElseThrow().reason())
                .contains("received the case first (art. 14)");
        assertThat(SHANGHAI.findAll(postRequestedFor(urlEqualTo(SH_INBOX)))).isEmpty();
    }
}
