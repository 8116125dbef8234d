package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ConsumerRequest;
import cn.consumerexchange.contract.v1.ExchangeMessage;

/** Heilongjiang's batch format: one CSV line per case, China time, "|"-joined lists. */
class HljCsvFormatTest {

    final PartnerAdapter adapter = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("hlj-csv");

    static String dataLine(String sample) {
        return Samples.text("hlj-csv/" + sample).split("\n", 2)[1];
    }

    @Test
    void readsQuotedFieldsJoinedListsAndChinaTime() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hlj-csv/complaint-to-guangzhou.csv"));

        assertThat(complaint.getComplaint().getFacts()).isEqualTo("消费者在\"岭南优品\"官方网店购买的羽绒服，收到后发现"
                + "充绒量与页面标注不符(标注90%, 实测约60%)，商家拒绝退货。");
        assertThat(complaint.getComplaint().getRequests().getRequest())
                .containsExactly(ConsumerRequest.RETURN, ConsumerRequest.REFUND, ConsumerRequest.COMPENSATION);
        assertThat(complaint.getComplaint().getReceivedAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-20T09:15:00+08:00"));
    }

    @Test
    void lineWithoutHeaderReadsLikeTheSampleWithOne() {
        ExchangeMessage withHeader = adapter.toContract(Samples.bytes("hlj-csv/status-not-accepted.csv"));
        ExchangeMessage withoutHeader = adapter.toContract(
                dataLine("status-not-accepted.csv").getBytes(StandardCharsets.UTF_8));

        assertThat(ContractCodec.standard().write(withoutHeader)).isEqualTo(ContractCodec.standard().write(withHeader));
        assertThat(withHeader.getEnvelope().getCaseRef()).containsExactly("SZ12315-2026-000377", "GW-2026-000318");
    }

    @Test
    void writesOneLineQuotingWhatNeedsQuotes() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hlj-csv/complaint-to-guangzhou.csv"));
        complaint.getComplaint().setFacts("第一行，含逗号, 和\"引号\"\n第二行");

        String line = new String(adapter.toNative(complaint), StandardCharsets.UTF_8);

        assertThat(line).contains(",\"第一行，含逗号, 和\"\"引号\"\"\n第二行\",").endsWith(",,,,,,,,,,\n");
        assertThat(adapter.toContract(line.getBytes(StandardCharsets.UTF_8)).getComplaint().getFacts())
                .isEqualTo("第一行，含逗号, 和\"引号\"\n第二行");
    }

    /** Sets one text field of a complaint; names the hlj-csv column it is written to. */
    enum TextField {
        CASE_NO("case_no", (c, v) -> c.getComplaint().setOriginCaseNumber(v),
                c -> c.getComplaint().getOriginCaseNumber()),
        CONSUMER_NAME("consumer_name", (c, v) -> c.getComplaint().getComplainant().setName(v),
                c -> c.getComplaint().getComplainant().getName()),
        CONSUMER_PHONE("consumer_phone", (c, v) -> c.getComplaint().getComplainant().setPhone(v),
                c -> c.getComplaint().getComplainant().getPhone()),
        MERCHANT_NAME("merchant_name", (c, v) -> c.getComplaint().getRespondent().setName(v),
                c -> c.getComplaint().getRespondent().getName()),
        MERCHANT_ADDRESS("merchant_address", (c, v) -> c.getComplaint().getRespondent().setAddress(v),
                c -> c.getComplaint().getRespondent().getAddress()),
        STORE("store", (c, v) -> c.getComplaint().getPurchase().setStore(v),
                c -> c.getComplaint().getPurchase().getStore()),
        FACTS("facts", (c, v) -> c.getComplaint().setFacts(v), c -> c.getComplaint().getFacts());

        final String column;
        final BiConsumer<ExchangeMessage, String> setter;
        final Function<ExchangeMessage, String> getter;

        TextField(String column, BiConsumer<ExchangeMessage, String> setter,
                Function<ExchangeMessage, String> getter) {
            this.column = column;
            this.setter = setter;
            this.getter = getter;
        }
    }

    String cell(byte[] line, String column) {
        List<String> columns = List.of(Samples.text("hlj-csv/complaint-to-guangzhou.csv")
                .split("\n", 2)[0].split(","));
        List<String> cells = List.of(new String(line, StandardCharsets.UTF_8)
                .stripTrailing().split(",", -1));
        return cells.get(columns.indexOf(column));
    }

    @ParameterizedTest
    @EnumSource(TextField.class)
    void valueThatASpreadsheetWouldRunIsWrittenInertAndReadBackAsItWas(TextField field) {
        String formula = field == TextField.CONSUMER_PHONE ? "+8613904511234" : "=SUM(A1:A9)";
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hlj-csv/complaint-to-guangzhou.csv"));
        field.setter.accept(complaint, formula);

        byte[] line = adapter.toNative(complaint);

        assertThat(cell(line, field.column)).startsWith("'").doesNotStartWith("''");
        assertThat(field.getter.apply(adapter.toContract(line))).isEqualTo(formula);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5 件", "@SUM(A1)", "'=A1", "''+1", "'quoted'",
            "plain"})
    void everyLeadingCharacterComesBackAsItWasSent(String facts) {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hlj-csv/complaint-to-guangzhou.csv"));
        complaint.getComplaint().setFacts(facts);

        byte[] line = adapter.toNative(complaint);

        assertThat(cell(line, "facts")).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                .doesNotStartWith("@");
        assertThat(adapter.toContract(line).getComplaint().getFacts()).isEqualTo(facts);
    }

    @Test
    void rejectionIsALineWithItsErrorsJoined() {
        ExchangeMessage rejection = ContractCodec.standard().read(Samples.bytes("contract/rejection.xml"));

        assertThat(new String(adapter.toNative(rejection), StandardCharsets.UTF_8)).isEqualTo(
                "REJECT,GW:20260513:REJ:000052,EXCHANGE-HUB,GZ-AMR,,2026-05-13 14:02:00" + ",".repeat(26)
                        + "2026-05-13 14:02:00,,GZ-AMR-20260513-0099,,INVALID_CREDIT_CODE|DATE_IN_FUTURE,"
                        + "/ExchangeMessage/Complaint/Respondent/CreditCode|/ExchangeMessage/Complaint/Purchase/Date,"
                        + "\"The check character should be H, not 8.|2026-06-13 lies in the future.\"\n");
    }

    @Test
    void badCreditCodeIsRejectedAtTheContractPath() {
        assertThatThrownBy(() -> adapter.toContract(Samples.bytes("hlj-csv/invalid-complaint-bad-credit-code.csv")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("HL-PC-20261120-000319");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_CREDIT_CODE);
                        assertThat(violation.path()).isEqualTo("/ExchangeMessage/Complaint/Respondent/CreditCode");
                        assertThat(violation.reason()).startsWith("[hlj-csv to-contract.xsl, native column merchant_uscc]"
                                + " The value does not match the pattern of CreditCode").doesNotContain("91440106");
                    });
                });
    }

    @Test
    void moreThanOneLineOfDataIsRefused() {
        String twoLines = Samples.text("hlj-csv/complaint-to-guangzhou.csv") + dataLine("status-not-accepted.csv");

        assertThatThrownBy(() -> adapter.toContract(twoLines.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation(ErrorCode.MALFORMED_CSV, "/record",
                                "A message is one line of data after an optional header; found 2.")));
    }

    @Test
    void lineWithMissingFieldsIsRefused() {
        assertThatThrownBy(() -> adapter.toContract("STATUS,HL-1,SAMR-HL".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UntranslatableMessageException.class)
                .hasMessageContaining("Line 1 has 3 fields; expected 38");
    }
}
