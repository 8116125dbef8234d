package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ComplaintReport;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Reporter;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A complaint lives its whole life between every pair of built-in formats: transfer, acceptance, evidence,
 * investigation record (调查笔录), mediation (调解) and its result, closure. Every step the receiving authority takes is
 * answered to it in its own format and fed back to the origin in the origin's, where it is read back and checked. One
 * test partner per format, all on queues, so that this test is about formats; each transport has its own test. The
 * national platform's format only sends: no region is its jurisdiction.
 */
@SpringBootTest
class FormatPairsTest {

    static final WireMockServer UNUSED_HTTP = GatewayTestSupport.startPartnerServer();
    static final ContractCodec CODEC = ContractCodec.standard();

    /** Each test partner, and a respondent located in its region. */
    record Region(String partner, String division) {
    }

    static final List<String> SENDERS = List.of("PGBA", "PYRD", "PHKMO", "PHLJ", "PNAT");
    static final List<Region> RECEIVERS = List.of(
            new Region("PGBA", "440305"),
            new Region("PYRD", "310115"),
            new Region("PHKMO", "810000"),
            new Region("PHLJ", "230103"));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, UNUSED_HTTP);
        GatewayTestSupport.registerEmbeddedDatabase(registry);
        registry.add("exchange.partner-locations", () -> "classpath:pairwise/");
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String sender : SENDERS) {
            for (Region receiver : RECEIVERS) {
                if (!sender.equals(receiver.partner())) {
                    pairs.add(Arguments.of(sender, receiver));
                }
            }
        }
        return pairs.stream();
    }

    @Autowired
    JmsTemplate jms;
    @Autowired
    PartnerRegistry partners;
    @Autowired
    AdapterCatalog adapters;
    @Autowired
    CaseTransitions transitions;

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("pairs")
    void aComplaintLivesItsWholeLifeAndTheOriginHearsEveryStep(String originCode, Region region)
            throws JMSException {
        Party origin = party(originCode);
        Party receiver = party(region.partner());
        String caseNumber = "LIFE-" + UUID.randomUUID().toString().substring(0, 8);

        origin.send(SampleCases.complaint(origin.partner.authority(), region.division(), "LF-" + UUID.randomUUID(),
                caseNumber));
        ExchangeMessage complaint = receiver.awaitDelivery(caseNumber);
        String gatewayRef = complaint.getEnvelope().getCaseRef().stream()
                .filter(ref -> ref.startsWith("GW-")).findFirst().orElseThrow();
        assertThat(complaint.getComplaint().getOriginCaseNumber()).isEqualTo(caseNumber);

        ExchangeMessage accepted = status(receiver, gatewayRef, CaseState.ACCEPTED);
        assertThat(receiver.send(accepted)).contains(gatewayRef);
        assertThat(origin.awaitDelivery(gatewayRef).getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);

        byte[] photo = ("收货照片 " + gatewayRef).getBytes(StandardCharsets.UTF_8);
        EvidenceFiles.hold(jms, receiver.partner.code(), receiver.partner.replies(), photo);
        ExchangeMessage evidence = followUp(receiver, gatewayRef, "evidence");
        evidence.getEvidence().setCaseRef(gatewayRef);
        evidence.getEvidence().getItem().subList(1, evidence.getEvidence().getItem().size()).clear();
        evidence.getEvidence().getItem().get(0).setSize(photo.length);
        evidence.getEvidence().getItem().get(0).setSha256(Sha256.hex(photo));
        assertThat(receiver.send(evidence)).contains(gatewayRef);
        assertThat(EvidenceFiles.await(jms, origin.partner.code(), Sha256.hex(photo))).isEqualTo(photo);
        ExchangeMessage evidenceAtOrigin = origin.awaitDelivery(gatewayRef);
        assertThat(evidenceAtOrigin.getEvidence().getItem()).singleElement()
                .satisfies(item -> assertThat(item.getSha256()).isEqualTo(Sha256.hex(photo)));

        ExchangeMessage record = followUp(receiver, gatewayRef, "investigation-record");
        record.getInvestigationRecord().setCaseRef(gatewayRef);
        record.getInvestigationRecord().setAuthority(receiver.partner.authority());
        assertThat(receiver.send(record)).contains(gatewayRef);
        ExchangeMessage recordAtOrigin = origin.awaitDelivery(gatewayRef);
        assertThat(recordAtOrigin.getInvestigationRecord().getAuthority()).isEqualTo(receiver.partner.authority());
        assertThat(recordAtOrigin.getInvestigationRecord().getPerson()).hasSize(2);

        assertThat(receiver.send(status(receiver, gatewayRef, CaseState.IN_MEDIATION))).contains(gatewayRef);
        assertThat(origin.awaitDelivery(gatewayRef).getStatusUpdate().getState()).isEqualTo(CaseState.IN_MEDIATION);

        ExchangeMessage mediation = followUp(receiver, gatewayRef, "mediation-result");
        mediation.getMediationResult().setCaseRef(gatewayRef);
        mediation.getMediationResult().setIssuingAuthority(receiver.partner.authority());
        assertThat(receiver.send(mediation)).contains(gatewayRef);
        ExchangeMessage mediationAtOrigin = origin.awaitDelivery(gatewayRef);
        assertThat(mediationAtOrigin.getMediationResult().getOutcome())
                .isEqualTo(mediation.getMediationResult().getOutcome());
        assertThat(mediationAtOrigin.getMediationResult().getAgreedAmount()).extracting(amount -> amount.getValue())
                .containsExactlyElementsOf(mediation.getMediationResult().getAgreedAmount().stream()
                        .map(amount -> amount.getValue()).toList());

        for (CaseState state : List.of(CaseState.MEDIATED, CaseState.CLOSED)) {
            assertThat(receiver.send(status(receiver, gatewayRef, state))).contains(gatewayRef);
            assertThat(origin.awaitDelivery(gatewayRef).getStatusUpdate().getState()).isEqualTo(state);
        }
        assertThat(transitions.of(gatewayRef)).extracting(change -> change.toState()).containsExactly(
                "ACCEPTED", "IN_MEDIATION", "MEDIATED", "CLOSED");
    }

    static Stream<Arguments> receiversOfReports() {
        return RECEIVERS.stream().filter(region -> !region.partner().equals("PHKMO")).map(Arguments::of);
    }

    /**
     * A complaint sent with a report (举报) in the national platform's format reaches each receiver that takes reports as
     * two cases in the receiver's own format: the complaint with no trace of the report or its reporter (市场监督管理投诉
     * 举报处理暂行办法 art. 37), and the report with its reporter.
     */
    @ParameterizedTest(name = "PNAT → {0}")
    @MethodSource("receiversOfReports")
    void aComplaintWithAReportReachesTheReceiverAsTwoCasesAndTheComplaintCarriesNoReporter(Region region)
            throws JMSException {
        Party origin = party("PNAT");
        Party receiver = party(region.partner());
        String caseNumber = "JB-" + UUID.randomUUID().toString().substring(0, 8);
        ExchangeMessage submission = SampleCases.complaint(origin.partner.authority(), region.division(),
                "PW-" + UUID.randomUUID(), caseNumber);
        ComplaintReport reportPart = CODEC.read(GatewayTestSupport.sample("contract/complaint-with-report.xml")
                .getBytes(StandardCharsets.UTF_8)).getComplaint().getReport();
        submission.getComplaint().setReport(reportPart);
        Reporter reporter = reportPart.getReporter();

        origin.send(submission);

        List<String> delivered = List.of(awaitDelivery(receiver.partner, caseNumber),
                awaitDelivery(receiver.partner, caseNumber)).stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
        String complaint = delivered.stream().filter(text -> receiver.format.toContract(
                text.getBytes(StandardCharsets.UTF_8)).getComplaint() != null).findFirst().orElseThrow();
        String report = delivered.stream().filter(text -> !text.equals(complaint)).findFirst().orElseThrow();
        assertThat(complaint).doesNotContain(reporter.getName(), reporter.getPhone(), reporter.getIdNumber(),
                reportPart.getClues().substring(0, 12));
        assertThat(receiver.format.toContract(complaint.getBytes(StandardCharsets.UTF_8)).getComplaint().getReport())
                .isNull();
        ExchangeMessage reportCase = receiver.format.toContract(report.getBytes(StandardCharsets.UTF_8));
        assertThat(reportCase.getReport().getReporter().getIdNumber()).isEqualTo(reporter.getIdNumber());
        assertThat(reportCase.getReport().getRespondent().getDivisionCode()).isEqualTo(region.division());
    }

    /** A contract sample as the receiving authority sends it on the case. */
    private static ExchangeMessage followUp(Party from, String gatewayRef, String sample) {
        ExchangeMessage message = CODEC.read(GatewayTestSupport.sample("contract/" + sample + ".xml")
                .getBytes(StandardCharsets.UTF_8));
        message.getEnvelope().setMessageId("LF-" + UUID.randomUUID());
        message.getEnvelope().setSender(from.partner.authority());
        message.getEnvelope().setReceiver(null);
        message.getEnvelope().setSentAt(OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0));
        message.getEnvelope().getCaseRef().clear();
        message.getEnvelope().getCaseRef().add(gatewayRef);
        message.getEnvelope().setSignature(null);
        return message;
    }

    private static ExchangeMessage status(Party from, String gatewayRef, CaseState state) {
        ExchangeMessage update = SampleCases.statusAccepted(from.partner.authority(), gatewayRef, "案件进展");
        update.getStatusUpdate().setState(state);
        return update;
    }

    @Test
    void aMessageTheReceiversFormatCannotCarryIsRefusedAtIntakeNotAcknowledged() throws JMSException {
        Partner platform = partners.require("PNAT");
        PartnerAdapter platformFormat = adapters.forFormat(platform.format());
        String caseNumber = "CASE-" + UUID.randomUUID().toString().substring(0, 8);
        String answerToComplaint = sendAndAwaitAnswer(platform, platformFormat.toNative(SampleCases.complaint(
                platform.authority(), "620102", "PW-" + UUID.randomUUID(), caseNumber)));
        Matcher reference = Pattern.compile("GW-\\d{4}-[0-9A-Z]{13}").matcher(answerToComplaint);
        assertThat(reference.find()).as(answerToComplaint).isTrue();
        String gatewayRef = reference.group();

        ExchangeMessage mediation = CODEC.read(
                GatewayTestSupport.sample("contract/mediation-result.xml").getBytes(StandardCharsets.UTF_8));
        mediation.getEnvelope().setMessageId("PW-" + UUID.randomUUID());
        mediation.getEnvelope().setSender(platform.authority());
        mediation.getEnvelope().setReceiver(null);
        mediation.getEnvelope().getCaseRef().clear();
        mediation.getEnvelope().getCaseRef().add(gatewayRef);
        mediation.getEnvelope().setSignature(null);
        mediation.getMediationResult().setIssuingAuthority(platform.authority());
        String answer = sendAndAwaitAnswer(platform, platformFormat.toNative(mediation));

        // The platform's format writes the answer as a receipt (HZ) with its error codes as given.
        assertThat(answer).contains("RECEIVER_CANNOT_TAKE").contains("PNARROW").contains("MEDIATION_RESULT")
                .doesNotContain(gatewayRef);
    }

    @Test
    void aComplaintTheReceiversCodeTablesCannotWriteIsRefusedAtIntake() throws JMSException {
        Partner sender = partners.require("PGBA");
        ExchangeMessage complaint = SampleCases.complaint(sender.authority(), "810000", "PW-" + UUID.randomUUID(),
                "CASE-" + UUID.randomUUID().toString().substring(0, 8));
        // A category of the national standard that the Hong Kong and Macao councils' code table has no code for.
        complaint.getComplaint().setCategory("010101002");

        String answer = sendAndAwaitAnswer(sender, adapters.forFormat(sender.format()).toNative(complaint));

        assertThat(answer).contains("result=\"REJECTED\"", "RECEIVER_CANNOT_TAKE", "PHKMO", "010101002");
    }

    /**
     * The councils take no reports (举报): a report for a Hong Kong business, alone or made with a complaint, is refused
     * at intake with the reason the councils' format gives. The sender speaks the contract itself, which carries both.
     */
    @Test
    void aReportTheCouncilsCannotTakeIsRefusedAtIntakeWithTheFormatsReason() throws JMSException {
        Partner sender = partners.require("PNAT");
        PartnerAdapter senderFormat = adapters.forFormat(sender.format());
        ExchangeMessage complaint = SampleCases.complaint(sender.authority(), "810000", "PW-" + UUID.randomUUID(),
                "CASE-" + UUID.randomUUID().toString().substring(0, 8));
        ComplaintReport reportPart = new ComplaintReport();
        reportPart.setClues("该商户以“已拆封”为由拒绝多名消费者退货。");
        complaint.getComplaint().setReport(reportPart);

        // JSON may write a slash as \/; the platform's answers are read as a JSON parser would.
        String answerToComplaintWithReport = sendAndAwaitAnswer(sender, senderFormat.toNative(complaint))
                .replace("\\/", "/");

        // The platform's format writes the refusal as a receipt (HZ) with its codes, paths and reasons as given.
        assertThat(answerToComplaintWithReport).contains("RECEIVER_CANNOT_TAKE", "/ExchangeMessage/Complaint/Report",
                "The receiver PHKMO (hkmo-xml) does not take REPORT messages",
                "The Hong Kong and Macao consumer councils take no reports (举报)")
                .doesNotContainPattern("GW-\\d{4}-[0-9A-Z]{13}");

        // A report of its own about a Hong Kong business goes to the councils' partner, and is refused the same way.
        ExchangeMessage report = CODEC.read(
                GatewayTestSupport.sample("contract/report.xml").getBytes(StandardCharsets.UTF_8));
        report.getEnvelope().setMessageId("PW-" + UUID.randomUUID());
        report.getEnvelope().setSender(sender.authority());
        report.getEnvelope().setReceiver(null);
        report.getReport().setReceivingAuthority(sender.authority());
        report.getReport().getRespondent().setDivisionCode("810000");
        report.getReport().getRespondent().setCreditCode(null);
        report.getReport().getRespondent().setRegistrationNumber("69420431");

        String answerToReport = sendAndAwaitAnswer(sender, senderFormat.toNative(report)).replace("\\/", "/");

        assertThat(answerToReport).contains("RECEIVER_CANNOT_TAKE", "/ExchangeMessage/Envelope/MessageType",
                "The receiver PHKMO (hkmo-xml) does not take REPORT messages through the exchange. The Hong Kong and "
                        + "Macao consumer councils take no reports (举报)");
    }

    private String sendAndAwaitAnswer(Partner partner, byte[] nativeMessage) throws JMSException {
        AtomicReference<Message> sent = new AtomicReference<>();
        jms.send(partner.inbound(), session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(nativeMessage);
            sent.set(message);
            return message;
        });
        jms.setReceiveTimeout(15_000);
        Message answer = jms.receiveSelected(partner.replies(),
                "JMSCorrelationID = '" + sent.get().getJMSMessageID() + "'");
        assertThat(answer).as("answer on " + partner.replies()).isNotNull();
        return PartnerQueues.body(answer);
    }

    /** The next delivery to the partner that mentions {@code marker}; others left from earlier cases are dropped. */
    private byte[] awaitDelivery(Partner partner, String marker) {
        jms.setReceiveTimeout(1_000);
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            Message delivery = jms.receive(partner.outbound());
            if (delivery != null) {
                String body = PartnerQueues.body(delivery);
                if (body.contains(marker)) {
                    return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("Nothing mentioning " + marker + " delivered on " + partner.outbound());
    }

    private Party party(String code) {
        Partner partner = partners.require(code);
        return new Party(partner, adapters.forFormat(partner.format()));
    }

    /** A partner speaking its own format over its queues. */
    private final class Party {

        final Partner partner;
        final PartnerAdapter format;

        Party(Partner partner, PartnerAdapter format) {
            this.partner = partner;
            this.format = format;
        }

        /** Sends the message in this partner's format and returns the gateway's answer, checked to be no refusal. */
        String send(ExchangeMessage message) throws JMSException {
            String answer = sendAndAwaitAnswer(partner, format.toNative(message));
            // Formats need not read the gateway's answers back; a refusal would name one of the catalogue's codes.
            assertThat(Stream.of(ErrorCode.values()).map(ErrorCode::name)).as(answer).noneMatch(answer::contains);
            return answer;
        }

        /** The next delivery to this partner that mentions {@code marker}, read back from its format. */
        ExchangeMessage awaitDelivery(String marker) {
            return format.toContract(FormatPairsTest.this.awaitDelivery(partner, marker));
        }
    }
}
