package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ComplaintReport;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.conformance.SampleCases;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * A complaint travels between every pair of built-in formats, and the receiver's status comes back to the origin in
 * the origin's format. One test partner per format, all on queues, so that this test is about formats; each
 * transport has its own test. The national platform's format only sends: no region is its jurisdiction.
 */
@SpringBootTest
class FormatPairsTest {

    static final WireMockServer UNUSED_HTTP = GatewayTestSupport.startPartnerServer();

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

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("pairs")
    void complaintGoesAcrossAndStatusComesBack(String senderCode, Region region) throws JMSException {
        Partner sender = partners.require(senderCode);
        Partner receiver = partners.require(region.partner());
        PartnerAdapter senderFormat = adapters.forFormat(sender.format());
        PartnerAdapter receiverFormat = adapters.forFormat(receiver.format());
        String messageId = "PW-" + UUID.randomUUID();
        String caseNumber = "CASE-" + UUID.randomUUID().toString().substring(0, 8);

        String answerToComplaint = sendAndAwaitAnswer(sender, senderFormat.toNative(
                SampleCases.complaint(sender.authority(), region.division(), messageId, caseNumber)));

        ExchangeMessage delivered = receiverFormat.toContract(awaitDelivery(receiver, caseNumber));
        assertThat(delivered.getComplaint().getOriginCaseNumber()).isEqualTo(caseNumber);
        assertThat(delivered.getComplaint().getRespondent().getDivisionCode()).isEqualTo(region.division());
        assertThat(delivered.getEnvelope().getReceiver()).isEqualTo(receiver.authority());
        String gatewayRef = delivered.getEnvelope().getCaseRef().stream()
                .filter(ref -> ref.startsWith("GW-")).findFirst().orElseThrow();
        assertThat(answerToComplaint).contains(gatewayRef);

        String answerToStatus = sendAndAwaitAnswer(receiver, receiverFormat.toNative(
                SampleCases.statusAccepted(receiver.authority(), gatewayRef, "受理")));
        assertThat(answerToStatus).contains(gatewayRef);

        ExchangeMessage feedback = senderFormat.toContract(awaitDelivery(sender, gatewayRef));
        assertThat(feedback.getEnvelope().getMessageType()).isEqualTo(MessageKind.STATUS_UPDATE);
        assertThat(feedback.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(feedback.getStatusUpdate().getCaseRef()).isEqualTo(gatewayRef);
        assertThat(feedback.getEnvelope().getSender()).isEqualTo(receiver.authority());
    }

    @Test
    void aMessageTheReceiversFormatCannotCarryIsRefusedAtIntakeNotAcknowledged() throws JMSException {
        Partner platform = partners.require("PNAT");
        PartnerAdapter platformFormat = adapters.forFormat(platform.format());
        String caseNumber = "CASE-" + UUID.randomUUID().toString().substring(0, 8);
        String answerToComplaint = sendAndAwaitAnswer(platform, platformFormat.toNative(SampleCases.complaint(
                platform.authority(), "620102", "PW-" + UUID.randomUUID(), caseNumber)));
        Matcher reference = Pattern.compile("GW-\\d{4}-[0-9A-Z]{10}").matcher(answerToComplaint);
        assertThat(reference.find()).as(answerToComplaint).isTrue();
        String gatewayRef = reference.group();

        ExchangeMessage mediation = ContractCodec.standard().read(
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
        Partner sender = partners.require("PCON");
        PartnerAdapter senderFormat = adapters.forFormat(sender.format());
        ExchangeMessage complaint = SampleCases.complaint(sender.authority(), "810000", "PW-" + UUID.randomUUID(),
                "CASE-" + UUID.randomUUID().toString().substring(0, 8));
        ComplaintReport reportPart = new ComplaintReport();
        reportPart.setClues("该商户以“已拆封”为由拒绝多名消费者退货。");
        complaint.getComplaint().setReport(reportPart);

        String answerToComplaintWithReport = sendAndAwaitAnswer(sender, senderFormat.toNative(complaint));

        assertThat(answerToComplaintWithReport).contains("<MessageType>REJECTION</MessageType>",
                "<Code>RECEIVER_CANNOT_TAKE</Code>", "<Path>/ExchangeMessage/Complaint/Report</Path>",
                "The receiver PHKMO (hkmo-xml) does not take the report made with this complaint. The Hong Kong and "
                        + "Macao consumer councils take no reports (举报)", "the councils have no enforcement powers");

        complaint.getComplaint().setReport(null);
        complaint.getEnvelope().setMessageId("PW-" + UUID.randomUUID());
        Matcher reference = Pattern.compile("GW-\\d{4}-[0-9A-Z]{10}")
                .matcher(sendAndAwaitAnswer(sender, senderFormat.toNative(complaint)));
        assertThat(reference.find()).isTrue();
        ExchangeMessage report = ContractCodec.standard().read(
                GatewayTestSupport.sample("contract/report.xml").getBytes(StandardCharsets.UTF_8));
        report.getEnvelope().setMessageId("PW-" + UUID.randomUUID());
        report.getEnvelope().setSender(sender.authority());
        report.getEnvelope().setReceiver(null);
        report.getEnvelope().getCaseRef().clear();
        report.getEnvelope().getCaseRef().add(reference.group());

        String answerToReport = sendAndAwaitAnswer(sender, senderFormat.toNative(report));

        assertThat(answerToReport).contains("<Code>RECEIVER_CANNOT_TAKE</Code>",
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
}
