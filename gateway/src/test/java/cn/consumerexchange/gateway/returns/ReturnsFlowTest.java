package cn.consumerexchange.gateway.returns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ChainStore;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.ReturnDecision;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.contract.v1.ReturnSettlement;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.transport.JmsText;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * Cross-store returns (异地异店退换货) over the real transports, formats and ledger: Shenzhen (SZ, gba-xml over JMS)
 * and Hong Kong (HK, hkmo-xml over HTTP) ask for returns of goods bought in Guangzhou (GZ) or Shenzhen, at stores of
 * the seeds' chain 岭南优品 (LNYP), whose commitment takes returns for 7 days; the region of purchase decides on its
 * own queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReturnsFlowTest {

    static final WireMockServer HONG_KONG = GatewayTestSupport.startPartnerServer();
    static final String HK_TOKEN = "test-hk-token";
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, HONG_KONG);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-tokens.HK", () -> HK_TOKEN);
    }

    @BeforeAll
    static void hongKongTakesDeliveries() {
        HONG_KONG.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TransferLedger ledger;
    @Autowired
    ReturnCases returns;
    @Autowired
    ReturnTimeoutSweeper sweeper;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private final ContractCodec codec = ContractCodec.standard();

    @Test
    void anApprovedReturnIsRefundedAndSettledBetweenTheStores() {
        ExchangeMessage request = request("SAMR-GD-SZ");

        String returnRef = accepted(send("SZ", request));

        ExchangeMessage delivered = readGba(nextDeliveryTo("GZ", returnRef));
        assertThat(delivered.getEnvelope().getMessageType()).isEqualTo(MessageKind.RETURN_REQUEST);
        assertThat(delivered.getReturnRequest().getPurchase().getReceiptNumber())
                .isEqualTo(request.getReturnRequest().getPurchase().getReceiptNumber());
        assertThat(delivered.getReturnRequest().getConsumer().getPhone()).isEqualTo("13760012345");
        assertThat(ledger.findCase(returnRef).orElseThrow().receivingPartner()).isEqualTo("GZ");

        ExchangeMessage decision = decision("SAMR-GD-GZ", returnRef, ReturnOutcome.ACCEPTED, null, "487.50");
        accepted(send("GZ", decision));
        assertThat(readGba(nextDeliveryTo("SZ", returnRef)).getReturnDecision().getDecision())
                .isEqualTo(ReturnOutcome.ACCEPTED);

        ReturnCase approved = returns.find(returnRef).orElseThrow();
        assertThat(approved.state()).isEqualTo(ReturnState.APPROVED);
        Refund refund = returns.refundOf(returnRef).orElseThrow();
        assertThat(refund.amount()).isEqualByComparingTo("487.50");
        assertThat(refund.currency()).isEqualTo("CNY");
        // 岭南优品 is in no advance-payment scheme: its commitment's 168 hours from the decision.
        assertThat(refund.dueBy().toInstant())
                .isEqualTo(decision.getReturnDecision().getDecidedAt().plusHours(168).toInstant());
        SettlementEntry entry = returns.entryOf(returnRef).orElseThrow();
        assertThat(List.of(entry.payerStore(), entry.payerPartner(), entry.payeeStore(), entry.payeePartner()))
                .containsExactly("LNYP-GZ-0106-03", "GZ", "LNYP-SZ-0305-01", "SZ");
        assertThat(entry.amount()).isEqualByComparingTo("487.50");
        assertThat(entry.currency()).isEqualTo("CNY");
        assertThat(entry.rate()).isNull();

        // Shenzhen reports the refund paid (先行垫付); Guangzhou is told.
        accepted(send("SZ", settlement("SAMR-GD-SZ", returnRef, refund)));
        assertThat(readGba(nextDeliveryTo("GZ", returnRef)).getReturnSettlement().getRefundAmount().getValue())
                .isEqualByComparingTo("487.50");
        assertThat(returns.refundOf(returnRef).orElseThrow().refundedAt()).isNotNull();
        assertThat(rejectionCodes(send("SZ", settlement("SAMR-GD-SZ", returnRef, refund))))
                .as("reported paid once").containsExactly("ILLEGAL_TRANSITION");
    }

    @Test
    void aRefusedReturnBecomesAComplaintInTheRegionOfPurchaseLinkedToTheRequest() {
        String returnRef = accepted(send("SZ", request("SAMR-GD-SZ")));
        nextDeliveryTo("GZ", returnRef);

        accepted(send("GZ", decision("SAMR-GD-GZ", returnRef, ReturnOutcome.REFUSED, "围巾已水洗，影响二次销售。",
                null)));

        ReturnCase refused = returns.find(returnRef).orElseThrow();
        assertThat(refused.state()).isEqualTo(ReturnState.REFUSED);
        assertThat(refused.complaintRef()).isNotNull();
        assertThat(returns.refundOf(returnRef)).isEmpty();
        TransferCase complaintCase = ledger.findCase(refused.complaintRef()).orElseThrow();
        assertThat(complaintCase.originPartner()).isEqualTo("SZ");
        assertThat(complaintCase.receivingPartner()).isEqualTo("GZ");
        assertThat(complaintCase.linkedCase()).isEqualTo(returnRef);
        assertThat(ledger.findCase(returnRef).orElseThrow().linkedCase()).isEqualTo(refused.complaintRef());

        ExchangeMessage complaint = readGba(nextDeliveryTo("GZ", "RETURN-COMPLAINT:" + returnRef));
        assertThat(complaint.getEnvelope().getMessageType()).isEqualTo(MessageKind.COMPLAINT);
        assertThat(complaint.getComplaint().getOriginCaseNumber()).isEqualTo(returnRef);
        assertThat(complaint.getComplaint().getComplainant().getName()).isEqualTo("林晓雯");
        assertThat(complaint.getComplaint().getRespondent().getCreditCode()).isEqualTo("91440106MA5CLNYP1T");
        assertThat(complaint.getComplaint().getRespondent().getDivisionCode()).isEqualTo("440106");
        assertThat(complaint.getComplaint().getFacts()).contains("围巾已水洗");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ledger
                .findInbound(CaseTransitions.GATEWAY, "RETURN-COMPLAINT:" + returnRef).orElseThrow().state())
                .isEqualTo(MessageState.DELIVERED));
    }

    @Test
    void aReturnAskedForAfterThePeriodIsRejected() {
        ExchangeMessage request = request("SAMR-GD-SZ");
        request.getReturnRequest().getPurchase().setDate(LocalDate.now(CHINA).minusDays(8));

        assertThat(rejectionCodes(send("SZ", request))).containsExactly("RETURN_PERIOD_EXPIRED");
    }

    @Test
    void excludedGoodsAreRejected() {
        ExchangeMessage request = request("SAMR-GD-SZ");
        request.getReturnRequest().getPurchase().getItem().get(0).setName("定制羊毛围巾");

        assertThat(rejectionCodes(send("SZ", request))).containsExactly("GOODS_EXCLUDED");
    }

    @Test
    void aClaimForCompensationIsRefusedAsAReturn() {
        ExchangeMessage request = request("SAMR-GD-SZ");
        request.getReturnRequest().setReason("保温杯漏水烫伤，要求退货并赔偿医药费。");

        assertThat(rejectionCodes(send("SZ", request))).containsExactly("COMPENSATION_NOT_RETURN");
    }

    @Test
    void aRequestSentTwiceIsOneReturnAndOtherContentUnderItsIdIsAConflict() {
        ExchangeMessage request = request("SAMR-GD-SZ");

        String first = accepted(send("SZ", request));
        String again = accepted(send("SZ", request));

        assertThat(again).isEqualTo(first);
        nextDeliveryTo("GZ", first);
        assertThat(ledger.entriesOf(first)).filteredOn(e -> e.direction() == Direction.IN).hasSize(1);
        request.getReturnRequest().getPurchase().getItem().get(0).setQuantity(1);
        request.getReturnRequest().getPurchase().getAmount().setValue(new BigDecimal("288.50"));
        assertThat(rejectionCodes(send("SZ", request))).containsExactly("DUPLICATE_CONFLICT");
    }

    @Test
    void aReturnUnansweredPastItsDueTimeBecomesAComplaintAndALateDecisionIsRefused() {
        String returnRef = accepted(send("SZ", request("SAMR-GD-SZ")));
        nextDeliveryTo("GZ", returnRef);
        OffsetDateTime due = returns.find(returnRef).orElseThrow().answerDue();

        // Other tests' returns may be swept along; this one is judged by its own state.
        sweeper.sweepOnce(due.minusSeconds(1));
        assertThat(returns.find(returnRef).orElseThrow().state()).isEqualTo(ReturnState.PENDING);
        sweeper.sweepOnce(due.plusSeconds(1));

        ReturnCase unanswered = returns.find(returnRef).orElseThrow();
        assertThat(unanswered.state()).isEqualTo(ReturnState.UNANSWERED);
        ExchangeMessage complaint = readGba(nextDeliveryTo("GZ", "RETURN-COMPLAINT:" + returnRef));
        assertThat(complaint.getComplaint().getFacts()).contains("did not answer the return");
        assertThat(ledger.findCase(unanswered.complaintRef()).orElseThrow().linkedCase()).isEqualTo(returnRef);
        sweeper.sweepOnce(due.plusSeconds(2));
        assertThat(returns.find(returnRef).orElseThrow().complaintRef()).as("concluded once")
                .isEqualTo(unanswered.complaintRef());

        assertThat(rejectionCodes(send("GZ", decision("SAMR-GD-GZ", returnRef, ReturnOutcome.ACCEPTED, null,
                "487.50")))).containsExactly("ILLEGAL_TRANSITION");
    }

    @Test
    void aReturnInHongKongOfGoodsBoughtInShenzhenIsSettledInHongKongDollarsAtTheStatedRate() {
        ExchangeMessage request = request("CC-HK");
        ReturnRequest body = request.getReturnRequest();
        body.getPurchase().getOriginStore().setName("岭南优品南山海岸城店");
        body.getPurchase().getOriginStore().setStoreCode("LNYP-SZ-0305-01");
        body.getPurchase().getOriginStore().setDivisionCode("440305");
        body.getReturnStore().setName("岭南优品铜锣湾分店");
        body.getReturnStore().setStoreCode("LNYP-HK-0001-02");
        body.getReturnStore().setDivisionCode("810000");

        String returnRef = acceptedOverHttp(request);
        nextDeliveryTo("SZ", returnRef);
        accepted(send("SZ", decision("SAMR-GD-SZ", returnRef, ReturnOutcome.ACCEPTED, null, "487.50")));

        SettlementEntry entry = returns.entryOf(returnRef).orElseThrow();
        LocalDate day = LocalDate.now(CHINA);
        ExchangeRate parity = ReturnSeeds.rates().rateOn("HKD", day);
        assertThat(entry.payerStore()).isEqualTo("LNYP-SZ-0305-01");
        assertThat(entry.payeeStore()).isEqualTo("LNYP-HK-0001-02");
        assertThat(entry.refundAmount()).isEqualByComparingTo("487.50");
        assertThat(entry.refundCurrency()).isEqualTo("CNY");
        assertThat(entry.currency()).isEqualTo("HKD");
        assertThat(entry.amount()).isEqualByComparingTo(new BigDecimal("48750").divide(parity.cny(), 2,
                RoundingMode.HALF_UP));
        assertThat(entry.rate().quoted()).isEqualTo(parity.quoted());
        assertThat(entry.rate().date()).isEqualTo(parity.date());
        assertThat(entry.rate().source()).contains("中国外汇交易中心");
        assertThat(returns.refundOf(returnRef).orElseThrow().currency()).isEqualTo("HKD");
    }

    @Test
    void theDaysStatementTotalsReconcileWithTheRefundsToTheCent() throws Exception {
        String returnRef = accepted(send("SZ", request("SAMR-GD-SZ")));
        nextDeliveryTo("GZ", returnRef);
        accepted(send("GZ", decision("SAMR-GD-GZ", returnRef, ReturnOutcome.ACCEPTED, null, "0.01")));
        LocalDate day = LocalDate.now(CHINA);

        JsonNode statement = json.readTree(http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/returns/statements?date=" + day, String.class));
        String csv = http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/returns/statements?date=" + day + "&format=csv", String.class);

        BigDecimal refunded = returns.refundsRecordedOn(day).stream().filter(r -> r.currency().equals("CNY"))
                .map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode cny = null;
        for (JsonNode total : statement.path("totals")) {
            if (total.path("currency").asText().equals("CNY")) {
                cny = total;
            }
            assertThat(total.path("difference").decimalValue()).isEqualByComparingTo("0");
        }
        assertThat(statement.path("reconciled").asBoolean()).isTrue();
        assertThat(cny).isNotNull();
        assertThat(cny.path("refundsTotal").decimalValue()).isEqualByComparingTo(refunded);
        assertThat(cny.path("entriesTotal").decimalValue()).isEqualByComparingTo(refunded);
        assertThat(csv).startsWith(StatementCsv.HEADER)
                .contains("ENTRY," + day + ",LNYP,GZ,LNYP-GZ-0106-03,LNYP,SZ,LNYP-SZ-0305-01," + returnRef
                        + ",0.01,CNY,0.01,CNY,")
                .contains("CURRENCY_TOTAL," + day + ",,,,,,,," + refunded.toPlainString() + ",CNY,,,,,,"
                        + refunded.toPlainString() + ",0.00,true");
    }

    /** The sample request of {@code seeds/samples/contract/}, from {@code authority}, bought two days ago. */
    private ExchangeMessage request(String authority) {
        ExchangeMessage message = codec.read(GatewayTestSupport.sample("contract/return-request.xml")
                .getBytes(StandardCharsets.UTF_8));
        OffsetDateTime now = OffsetDateTime.now(CHINA).withNano(0);
        message.setEnvelope(envelope("RR-" + UUID.randomUUID(), MessageKind.RETURN_REQUEST, authority, now));
        ReturnRequest request = message.getReturnRequest();
        request.getPurchase().setDate(now.toLocalDate().minusDays(2));
        request.getPurchase().setReceiptNumber("0106-03-" + UUID.randomUUID().toString().substring(0, 8));
        request.setRequestedAt(now.minusMinutes(1));
        return message;
    }

    private ExchangeMessage decision(String authority, String returnRef, ReturnOutcome outcome, String reason,
            String refund) {
        OffsetDateTime now = OffsetDateTime.now(CHINA).withNano(0);
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope("RD-" + UUID.randomUUID(), MessageKind.RETURN_DECISION, authority, now));
        message.getEnvelope().getCaseRef().add(returnRef);
        ReturnDecision decision = new ReturnDecision();
        decision.setCaseRef(returnRef);
        decision.setDecision(outcome);
        decision.setReason(reason);
        if (refund != null) {
            Money amount = new Money();
            amount.setValue(new BigDecimal(refund));
            amount.setCurrency(Currency.CNY);
            decision.setRefundAmount(amount);
        }
        decision.setDecidedAt(now.minusMinutes(1));
        message.setReturnDecision(decision);
        return message;
    }

    private static ExchangeMessage settlement(String authority, String returnRef, Refund refund) {
        OffsetDateTime now = OffsetDateTime.now(CHINA).withNano(0);
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope("RS-" + UUID.randomUUID(), MessageKind.RETURN_SETTLEMENT, authority, now));
        message.getEnvelope().getCaseRef().add(returnRef);
        ReturnSettlement paid = new ReturnSettlement();
        paid.setCaseRef(returnRef);
        Money amount = new Money();
        amount.setValue(refund.amount());
        amount.setCurrency(Currency.fromValue(refund.currency()));
        paid.setRefundAmount(amount);
        paid.setRefundedAt(now.minusMinutes(1));
        paid.setDueBy(refund.dueBy());
        paid.setPayer(store("岭南优品天河城店", "LNYP-GZ-0106-03", "440106"));
        paid.setPayee(store("岭南优品南山海岸城店", "LNYP-SZ-0305-01", "440305"));
        message.setReturnSettlement(paid);
        return message;
    }

    private static ChainStore store(String name, String code, String division) {
        ChainStore store = new ChainStore();
        store.setName(name);
        store.setStoreCode(code);
        store.setDivisionCode(division);
        return store;
    }

    private static Envelope envelope(String id, MessageKind kind, String sender, OffsetDateTime at) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(id);
        envelope.setMessageType(kind);
        envelope.setSender(sender);
        envelope.setSentAt(at);
        envelope.setContractVersion("1.0");
        return envelope;
    }

    /** Sends a contract message as the queue partner's gba-xml and returns the gateway's native answer. */
    private String send(String partner, ExchangeMessage message) {
        byte[] bytes = adapters.forFormat("gba-xml").toNative(message);
        AtomicReference<Message> sent = new AtomicReference<>();
        jms.send("partner." + partner + ".inbound", session -> {
            BytesMessage bytesMessage = session.createBytesMessage();
            bytesMessage.writeBytes(bytes);
            sent.set(bytesMessage);
            return bytesMessage;
        });
        try {
            // Generous: on a loaded build machine the first message also pays for compiling the stylesheets.
            jms.setReceiveTimeout(60_000);
            Message answer = jms.receiveSelected("partner." + partner + ".replies",
                    "JMSCorrelationID = '" + sent.get().getJMSMessageID() + "'");
            assertThat(answer).as("an answer to %s", message.getEnvelope().getMessageId()).isNotNull();
            return JmsText.of(answer);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private String acceptedOverHttp(ExchangeMessage message) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        headers.set("X-Partner-Token", HK_TOKEN);
        ResponseEntity<String> answer = http.postForEntity("/api/partners/HK/messages",
                new HttpEntity<>(adapters.forFormat("hkmo-xml").toNative(message), headers), String.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
        Matcher ref = Pattern.compile("<HubRef>([^<]+)</HubRef>").matcher(answer.getBody());
        assertThat(ref.find()).isTrue();
        return ref.group(1);
    }

    private static String accepted(String gbaAnswer) {
        Matcher receipt = Pattern.compile("result=\"ACCEPTED\" gateway-ref=\"([^\"]+)\"").matcher(gbaAnswer);
        assertThat(receipt.find()).as("accepted: %s", gbaAnswer).isTrue();
        return receipt.group(1);
    }

    private static List<String> rejectionCodes(String gbaAnswer) {
        assertThat(gbaAnswer).contains("result=\"REJECTED\"");
        List<String> codes = new ArrayList<>();
        Matcher error = Pattern.compile("<error code=\"([A-Z_]+)\"").matcher(gbaAnswer);
        while (error.find()) {
            codes.add(error.group(1));
        }
        return codes;
    }

    private ExchangeMessage readGba(String delivered) {
        return adapters.forFormat("gba-xml").toContract(delivered.getBytes(StandardCharsets.UTF_8));
    }

    /** The next delivery to the queue partner naming {@code reference}, others skipped. */
    private String nextDeliveryTo(String partner, String reference) {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        jms.setReceiveTimeout(1_000);
        try {
            while (System.currentTimeMillis() < deadline) {
                Message delivery = jms.receive("partner." + partner + ".outbound");
                if (delivery != null) {
                    String body = JmsText.of(delivery);
                    if (body.contains(reference)) {
                        return body;
                    }
                    seen.add(body);
                }
            }
        } finally {
            jms.setReceiveTimeout(60_000);
        }
        throw new AssertionError("No delivery to " + partner + " for " + reference + "; saw " + seen.size());
    }
}
