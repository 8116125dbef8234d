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
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;

/**
 * A complaint submitted with a report (举报) over real queues and a real ledger: two linked cases (市场监督管理投诉举报处理
 * 暂行办法 art. 9), and nothing of the report or its reporter in anything the complaint's receiving side gets (art. 37).
 *
 * <p>ROR sends; RPD serves Pudong, RSH the rest of Shanghai, RJS Jinshan. ROR, RPD and RSH speak {@code contract-xml}, a
 * test-only format whose native messages are the contract (test resources {@code report/formats/}), since no built-in
 * format carries reports yet; the assertions look at bytes and at the contract read back through the adapter catalog,
 * never at native field names. RJS speaks {@code contract-xml-without-report}, the same without REPORT, so the refusal
 * does not depend on which built-in formats carry reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintWithReportFlowTest {

    static final WireMockServer UNUSED_HTTP = GatewayTestSupport.startPartnerServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, UNUSED_HTTP);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-locations", () -> "classpath:report/");
    }

    private static final String FORMAT = "contract-xml";
    private static final String REPORTER_NAME = "甄守密";
    private static final String REPORTER_PHONE = "13511112222";
    private static final String REPORTER_ID = "110105199912310027";

    @Autowired
    JmsTemplate jms;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    TransferLedger ledger;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private final ContractCodec codec = ContractCodec.standard();
    PartnerQueues origin;
    PartnerQueues pudong;
    PartnerQueues shanghai;
    String clues;

    @BeforeEach
    void setUp() {
        origin = new PartnerQueues(jms, "ROR");
        pudong = new PartnerQueues(jms, "RPD");
        shanghai = new PartnerQueues(jms, "RSH");
        clues = "线索" + UUID.randomUUID() + "：该商城对多名消费者以已拆封为由拒绝七日无理由退货。";
    }

    @Test
    void aComplaintWithAReportBecomesTwoLinkedCasesAndTheReportNeverReachesTheComplaintsReceiver() throws Exception {
        String messageId = "ROR-" + UUID.randomUUID();
        String submission = submission(messageId, "310115", true);

        ExchangeMessage answer = answerTo("ROR", origin.send(submission));

        assertThat(answer.getAcknowledgement()).as("%s", answer.getRejection()).isNotNull();
        String complaintCase = answer.getAcknowledgement().getGatewayReference();
        assertThat(answer.getEnvelope().getCaseRef()).hasSize(2).startsWith(complaintCase);
        String reportCase = answer.getEnvelope().getCaseRef().get(1);
        assertThat(reportCase).matches("GW-\\d{4}-[0-9A-Z]{13}").isNotEqualTo(complaintCase);

        List<String> received = List.of(nextDeliveryOf(pudong, complaintCase, reportCase),
                nextDeliveryOf(pudong, complaintCase, reportCase));
        String complaintBytes = received.stream().filter(d -> d.contains(complaintCase)).findFirst().orElseThrow();
        String reportBytes = received.stream().filter(d -> d.contains(reportCase)).findFirst().orElseThrow();

        assertNoTraceOfTheReport(complaintBytes, reportCase);
        ExchangeMessage complaint = readBack(complaintBytes);
        assertThat(complaint.getEnvelope().getMessageType()).isEqualTo(MessageKind.COMPLAINT);
        assertThat(complaint.getComplaint().getReport()).isNull();
        ExchangeMessage stripped = codec.read(submission.getBytes(StandardCharsets.UTF_8));
        stripped.getComplaint().setReport(null);
        assertThat(complaint.getComplaint().getFacts()).isEqualTo(stripped.getComplaint().getFacts());
        assertThat(complaint.getComplaint().getComplainant().getName())
                .isEqualTo(stripped.getComplaint().getComplainant().getName());

        ExchangeMessage report = readBack(reportBytes);
        assertThat(report.getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
        assertThat(report.getEnvelope().getMessageId()).isEqualTo(messageId + ":R");
        assertThat(report.getEnvelope().getCaseRef()).contains(reportCase).doesNotContain(complaintCase);
        assertThat(report.getReport().getReporter().getName()).isEqualTo(REPORTER_NAME);
        assertThat(report.getReport().getReporter().getIdNumber()).isEqualTo(REPORTER_ID);
        assertThat(report.getReport().getClues()).isEqualTo(clues);
        assertThat(report.getReport().getRespondent().getDivisionCode()).isEqualTo("310115");

        TransferCase complaintTransfer = ledger.findCase(complaintCase).orElseThrow();
        TransferCase reportTransfer = ledger.findCase(reportCase).orElseThrow();
        assertThat(complaintTransfer.linkedCase()).isEqualTo(reportCase);
        assertThat(reportTransfer.linkedCase()).isEqualTo(complaintCase);
        assertThat(List.of(complaintTransfer.receivingPartner(), reportTransfer.receivingPartner()))
                .containsOnly("RPD");
        // The record keeps the submission as it was received, report and all.
        LedgerEntry inbound = ledger.findInbound("ROR", messageId).orElseThrow();
        assertThat(ledger.payloadOf(inbound.id()).orElseThrow())
                .isEqualTo(submission.getBytes(StandardCharsets.UTF_8));
        assertThat(ledger.findInbound("ROR", messageId + ":R").orElseThrow().gatewayRef()).isEqualTo(reportCase);

        // The operator's view of the complaint case shows the link, not the reporter.
        String view = http.withBasicAuth("viewer", "demo-viewer")
                .getForObject("/api/transfers/" + complaintCase, String.class);
        assertThat(json.readTree(view).path("transfer").path("linkedCase").asText()).isEqualTo(reportCase);
        assertThat(view).doesNotContain(REPORTER_NAME, REPORTER_PHONE, REPORTER_ID, clues);

        // Follow-ups on the complaint case: the origin's evidence, RPD's decision, and the hub's re-delivery of the
        // complaint to RSH after RPD returns it (art. 41), rebuilt from the record by the sweeper.
        assertThat(answerTo("ROR", origin.send(evidence(complaintCase))).getAcknowledgement()).isNotNull();
        assertNoTraceOfTheReport(nextDeliveryOf(pudong, complaintCase, null), reportCase);
        assertThat(answerTo("RPD", pudong.send(status("RPD", complaintCase, CaseState.RETURNED, "不属于本局管辖。")))
                .getAcknowledgement()).isNotNull();
        String redelivered = nextDeliveryOf(shanghai, complaintCase, null);
        assertNoTraceOfTheReport(redelivered, reportCase);
        assertThat(readBack(redelivered).getComplaint().getReport()).isNull();
        assertThat(answerTo("RSH", shanghai.send(status("RSH", complaintCase, CaseState.ACCEPTED, null)))
                .getAcknowledgement()).isNotNull();

        // Every copy that went out on the complaint case to its receiving side, as the ledger recorded it.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ledger.entriesOf(complaintCase))
                .filteredOn(e -> e.direction() == Direction.OUT && !e.partnerCode().equals("ROR"))
                .extracting(e -> e.partnerCode() + " " + e.messageType())
                .containsExactlyInAnyOrder("RPD COMPLAINT", "RPD EVIDENCE", "RSH COMPLAINT"));
        for (LedgerEntry out : ledger.entriesOf(complaintCase)) {
            if (out.direction() == Direction.OUT && !out.partnerCode().equals("ROR")) {
                assertNoTraceOfTheReport(new String(ledger.payloadOf(out.id()).orElseThrow(),
                        StandardCharsets.UTF_8), reportCase);
            }
        }
        assertThat(ledger.findCase(complaintCase).orElseThrow().state()).isEqualTo("ACCEPTED");
        assertThat(ledger.findCase(reportCase).orElseThrow().state()).isEqualTo("TRANSFERRED");
    }

    @Test
    void aReporterNotNamedIsTheComplainantAndTheSubmissionSentTwiceIsAnsweredAlike() {
        String messageId = "ROR-" + UUID.randomUUID();
        String submission = submission(messageId, "310115", false);

        ExchangeMessage first = answerTo("ROR", origin.send(submission));
        ExchangeMessage again = answerTo("ROR", origin.send(submission));

        assertThat(again.getEnvelope().getCaseRef()).isEqualTo(first.getEnvelope().getCaseRef()).hasSize(2);
        String reportCase = first.getEnvelope().getCaseRef().get(1);
        ExchangeMessage report = readBack(nextDeliveryOf(pudong, reportCase, null));
        assertThat(report.getReport().getReporter().getName())
                .isEqualTo(codec.read(submission.getBytes(StandardCharsets.UTF_8)).getComplaint().getComplainant()
                        .getName());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(List.of(
                ledger.findInbound("ROR", messageId).orElseThrow().state(),
                ledger.findInbound("ROR", messageId + ":R").orElseThrow().state()))
                .containsOnly(MessageState.DELIVERED));
        assertThat(ledger.entriesOf(reportCase)).filteredOn(e -> e.direction() == Direction.OUT).hasSize(1);
    }

    @Test
    void aReportTheReceiverCannotTakeRefusesTheWholeSubmission() {
        String messageId = "ROR-" + UUID.randomUUID();

        ExchangeMessage answer = answerTo("ROR", origin.send(submission(messageId, "310116", true)));

        assertThat(answer.getRejection()).isNotNull();
        assertThat(answer.getRejection().getError()).singleElement().satisfies(error -> {
            assertThat(error.getCode().name()).isEqualTo("RECEIVER_CANNOT_TAKE");
            assertThat(error.getPath()).isEqualTo("/ExchangeMessage/Complaint/Report");
            assertThat(error.getReason()).contains("RJS", "REPORT");
        });
        LedgerEntry kept = ledger.findInbound("ROR", messageId).orElseThrow();
        assertThat(kept.state()).isEqualTo(MessageState.REJECTED);
        assertThat(kept.gatewayRef()).isNull();
        assertThat(kept.reason()).startsWith("RECEIVER_CANNOT_TAKE|/ExchangeMessage/Complaint/Report|");
        assertThat(ledger.findInbound("ROR", messageId + ":R")).isEmpty();
    }

    /** The complaint-with-report sample, sent by ROR about a business in {@code division}. */
    private String submission(String messageId, String division, boolean namedReporter) {
        String sample = GatewayTestSupport.sample("contract/complaint-with-report.xml")
                .replace("SZ-AMR:20260512:000741", messageId)
                .replace("<Sender>SZ-AMR</Sender>", "<Sender>TEST-ROR</Sender>")
                .replace("<DivisionCode>310115</DivisionCode>", "<DivisionCode>" + division + "</DivisionCode>")
                .replace("周敏", REPORTER_NAME)
                .replace("13900139000", REPORTER_PHONE)
                .replace("440305198805054321", REPORTER_ID);
        String withClues = sample.substring(0, sample.indexOf("<Clues>") + "<Clues>".length()) + clues
                + sample.substring(sample.indexOf("</Clues>"));
        return namedReporter ? withClues
                : withClues.substring(0, withClues.indexOf("<Reporter>"))
                        + withClues.substring(withClues.indexOf("</Reporter>") + "</Reporter>".length());
    }

    /** The origin's evidence on the complaint case: a manifest of one file whose bytes it sent first. */
    private String evidence(String complaintCase) {
        byte[] photo = ("收货照片 " + complaintCase).getBytes(StandardCharsets.UTF_8);
        EvidenceFiles.hold(jms, "ROR", "partner.ROR.replies", photo);
        ExchangeMessage manifest = codec.read(GatewayTestSupport.sample("contract/evidence.xml")
                .getBytes(StandardCharsets.UTF_8));
        manifest.getEnvelope().setMessageId("ROR-EV-" + UUID.randomUUID());
        manifest.getEnvelope().setSender("TEST-ROR");
        manifest.getEnvelope().setReceiver(null);
        manifest.getEnvelope().setSignature(null);
        manifest.getEnvelope().getCaseRef().clear();
        manifest.getEnvelope().getCaseRef().add(complaintCase);
        manifest.getEvidence().getItem().subList(1, manifest.getEvidence().getItem().size()).clear();
        manifest.getEvidence().getItem().get(0).setSize(photo.length);
        manifest.getEvidence().getItem().get(0).setSha256(Sha256.hex(photo));
        return new String(codec.write(manifest), StandardCharsets.UTF_8);
    }

    private String status(String code, String gatewayRef, CaseState state, String reason) {
        ExchangeMessage status = SampleCases.statusAccepted("TEST-" + code, gatewayRef, "测试");
        status.getEnvelope().setMessageId(code + "-ST-" + UUID.randomUUID());
        status.getStatusUpdate().setState(state);
        status.getStatusUpdate().setReason(reason);
        return new String(adapters.forFormat(FORMAT).toNative(status), StandardCharsets.UTF_8);
    }

    private ExchangeMessage answerTo(String partner, String jmsMessageId) {
        // Generous: on a loaded build machine the first message also pays for compiling the formats' stylesheets.
        jms.setReceiveTimeout(60_000);
        jakarta.jms.Message answer = jms.receiveSelected("partner." + partner + ".replies",
                "JMSCorrelationID = '" + jmsMessageId + "'");
        assertThat(answer).as("an answer to %s", jmsMessageId).isNotNull();
        return codec.read(PartnerQueues.body(answer).getBytes(StandardCharsets.UTF_8));
    }

    private ExchangeMessage readBack(String delivered) {
        return adapters.forFormat(FORMAT).toContract(delivered.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertNoTraceOfTheReport(String delivered, String reportCase) {
        assertThat(delivered).doesNotContain(REPORTER_NAME, REPORTER_PHONE, REPORTER_ID, reportCase, "Report")
                .doesNotContain("线索");
    }

    /** The next delivery to the partner naming one of the references, the others skipped. */
    private static String nextDeliveryOf(PartnerQueues partner, String reference, String otherReference) {
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            String delivery = partner.nextDelivery(1_000);
            if (delivery != null && (delivery.contains(reference)
                    || otherReference != null && delivery.contains(otherReference))) {
                return delivery;
            }
            if (delivery != null) {
                seen.add(delivery);
            }
        }
        throw new AssertionError("No delivery for " + reference + "; saw " + seen);
    }
}
