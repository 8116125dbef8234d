package cn.consumerexchange.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.GatewayTestSupport;

class ReportSeparationTest {

    private final ContractCodec codec = ContractCodec.standard();
    private final ReportSeparation separation = new ReportSeparation(codec);

    @Test
    void theComplaintIsTheSubmissionWithoutItsReportPart() {
        ExchangeMessage submission = sample("complaint-with-report.xml");

        ReportSeparation.Separated parts = separation.separate(submission).orElseThrow();

        ExchangeMessage expected = sample("complaint-with-report.xml");
        expected.getComplaint().setReport(null);
        assertThat(codec.write(parts.complaint())).isEqualTo(codec.write(expected));
        assertThat(new String(codec.write(parts.complaint()), StandardCharsets.UTF_8))
                .doesNotContain("Report", "周敏", "13900139000", "440305198805054321", "拒绝七日无理由退货，涉嫌");
        assertThat(submission.getComplaint().getReport()).as("the submission is left as it is").isNotNull();
    }

    @Test
    void theReportIsTheReportCaseMessageOfTheSubmission() {
        ReportSeparation.Separated parts = separation.separate(sample("complaint-with-report.xml")).orElseThrow();

        // The contract's own sample of the report that submission becomes.
        assertThat(new String(codec.write(parts.report()), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.write(sample("report.xml")), StandardCharsets.UTF_8));
        assertThat(parts.report().getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
        assertThat(parts.report().getEnvelope().getSignature()).isNull();
    }

    @Test
    void aReportWithoutItsOwnReporterNamesTheComplainant() {
        ExchangeMessage submission = sample("complaint-with-report.xml");
        submission.getComplaint().getReport().setReporter(null);

        ExchangeMessage report = separation.separate(submission).orElseThrow().report();

        assertThat(report.getReport().getReporter().getName()).isEqualTo("李晓华");
        assertThat(report.getReport().getReporter().getPhone()).isEqualTo("13800138000");
        assertThat(report.getReport().getReporter().getIdNumber()).isEqualTo("440305199001011234");
        assertThat(codec.write(report)).as("schema-valid").isNotEmpty();
    }

    @Test
    void aComplaintWithoutAReportAndOtherMessagesAreNotSeparated() {
        assertThat(separation.separate(sample("complaint.xml"))).isEmpty();
        assertThat(separation.separate(sample("status-update.xml"))).isEmpty();
        assertThat(separation.separate(sample("report.xml"))).isEmpty();
    }

    @Test
    void theReportsMessageIdFitsTheContractWhateverTheSubmissionsId() {
        String longest = "A" + "b".repeat(63);
        String other = "A" + "b".repeat(62) + "c";

        assertThat(ReportSeparation.reportMessageId("SZ-AMR:1")).isEqualTo("SZ-AMR:1:R");
        assertThat(ReportSeparation.reportMessageId(longest)).hasSize(64).matches("[A-Za-z0-9][A-Za-z0-9._:\\-]*")
                .endsWith(":R").isEqualTo(ReportSeparation.reportMessageId(longest))
                .isNotEqualTo(ReportSeparation.reportMessageId(other));
    }

    private ExchangeMessage sample(String name) {
        return codec.read(GatewayTestSupport.sample("contract/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
