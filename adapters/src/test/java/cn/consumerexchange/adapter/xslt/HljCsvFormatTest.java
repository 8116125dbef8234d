package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Nested;
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
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.EvidenceKind;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.PurchasedItem;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnPurchase;

/**
 * Heilongjiang's batch format: one CSV line per case, China time, "|"-joined lists; repeated structures as parallel
 * "|"-joined columns.
 */
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

    /** The cell of a written line in {@code column}, unquoted, as the sample's header orders the columns. */
    static String cell(byte[] line, String column) {
        List<String> columns = List.of(Samples.text("hlj-csv/complaint-to-guangzhou.csv")
                .split("\n", 2)[0].split(","));
        try (CSVParser parser = CSVParser.parse(new String(line, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).get(columns.indexOf(column));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                        + "\"The check character should be H, not 8.|2026-06-13 lies in the future.\""
                        + ",".repeat(37) + "\n");
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

    static ExchangeMessage contract(String sample) {
        return ContractCodec.standard().read(Samples.bytes("contract/" + sample + ".xml"));
    }

    ExchangeMessage read(String sample) {
        return adapter.toContract(Samples.bytes("hlj-csv/" + sample));
    }

    /** The message written and read back, as the exchange would send it. */
    ExchangeMessage throughNative(ExchangeMessage message) {
        return adapter.toContract(adapter.toNative(message));
    }

    @Nested
    class Reading {

        @Test
        void evidenceItemsComeFromParallelColumnsWithAnEscapedSeparatorInADescription() {
            ExchangeMessage evidence = read("evidence-receipt-photos.csv");

            assertThat(evidence.getEvidence().getCaseRef()).isEqualTo("HL12315-2026-008841");
            assertThat(evidence.getEvidence().getItem()).extracting(EvidenceItem::getKind).containsExactly(
                    EvidenceKind.RECEIPT, EvidenceKind.PHOTO, EvidenceKind.PHOTO, EvidenceKind.OTHER);
            assertThat(evidence.getEvidence().getItem()).extracting(EvidenceItem::getDescription).containsExactly(
                    "订单详情截图（订单号 4021 7788 1356）", "吊牌照片：白鸭绒|充绒量90%", null, "检测报告：充绒量约60%");
            EvidenceItem report = evidence.getEvidence().getItem().get(3);
            assertThat(report.getContentType()).isEqualTo("application/pdf");
            assertThat(report.getSize()).isEqualTo(418305L);
            assertThat(report.getClaimCheck()).isEqualTo("evidence/SAMR-HL/HL12315-2026-008841/4");
            assertThat(report.getSha256()).hasSize(64);
        }

        @Test
        void reportCarriesTheReporterAndTheBusinessReported() {
            ExchangeMessage report = read("report-to-guangzhou.csv");

            assertThat(report.getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
            assertThat(report.getReport().getOriginCaseNumber()).isEqualTo("HL12315-2026-J00213");
            assertThat(report.getReport().getReporter().getName()).isEqualTo("王志刚");
            assertThat(report.getReport().getReporter().getPhone()).isEqualTo("0451-86251234");
            assertThat(report.getReport().getRespondent().getCreditCode()).isEqualTo("91440106MA9UR7TD4W");
            assertThat(report.getReport().getClues()).startsWith("举报人称该公司官方网店");
            assertThat(report.getReport().getReceivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T11:40:00+08:00"));
            assertThat(report.getReport().getReceivingAuthority()).isEqualTo("SAMR-HL");
        }

        @Test
        void complaintWithCluesAndNoReporterIsReportedByTheConsumer() {
            ExchangeMessage complaint = read("complaint-with-report-to-guangzhou.csv");

            assertThat(complaint.getComplaint().getComplainant().getName()).isEqualTo("刘海涛");
            assertThat(complaint.getComplaint().getReport().getReporter()).isNull();
            assertThat(complaint.getComplaint().getReport().getClues()).contains("涉嫌虚假宣传");
            assertThat(read("complaint-to-guangzhou.csv").getComplaint().getReport()).isNull();
        }

        @Test
        void investigationPairsEachPersonWithTheirRole() {
            ExchangeMessage record = read("investigation-record-harbin.csv");

            assertThat(record.getInvestigationRecord().getAuthority()).isEqualTo("SAMR-HL");
            assertThat(record.getInvestigationRecord().getDate()).isEqualTo(LocalDate.of(2026, 11, 19));
            assertThat(record.getInvestigationRecord().getPerson())
                    .extracting(person -> person.getName() + "=" + person.getRole())
                    .containsExactly("王丽娜=被询问人（店长）", "李明=记录人");
            assertThat(record.getEnvelope().getCaseRef()).containsExactly("SZ12315-2026-000391", "HL12315-2026-009012");
        }

        @Test
        void mediationKeepsEveryAgreedAmountAndTheIssuersSignature() {
            ExchangeMessage result = read("mediation-agreement-signed.csv");

            assertThat(result.getMediationResult().getOutcome()).isEqualTo(MediationOutcome.AGREEMENT);
            assertThat(result.getMediationResult().getAgreedAmount()).extracting(Money::getValue)
                    .containsExactly(new BigDecimal("899.00"), new BigDecimal("100.00"));
            assertThat(result.getMediationResult().getIssuingAuthority()).isEqualTo("SAMR-HL");
            assertThat(result.getEnvelope().getSignature().getAlgorithm()).isEqualTo("SM2-SM3");
            assertThat(result.getEnvelope().getSignature().getKeyId()).isEqualTo("SAMR-HL/2026-01");
            assertThat(result.getEnvelope().getSignature().getValue()).hasSize(64);
        }

        @Test
        void returnRequestListsItemsAndBothStores() {
            ExchangeMessage request = read("return-request-harbin-store.csv");

            ReturnPurchase purchase = request.getReturnRequest().getPurchase();
            assertThat(purchase.getOriginStore().getStoreCode()).isEqualTo("LNYP-GZ-0106-03");
            assertThat(purchase.getItem()).extracting(item -> item.getName() + "×" + item.getQuantity() + "@"
                    + item.getUnitPrice().getValue()).containsExactly("羊绒围巾×1@329.00", "儿童雪地靴×2@159.00");
            assertThat(purchase.getAmount().getValue()).isEqualByComparingTo("647.00");
            assertThat(request.getReturnRequest().getReturnStore().getDivisionCode()).isEqualTo("230102");
            assertThat(request.getReturnRequest().getRequestedAt())
                    .isEqualTo(OffsetDateTime.parse("2026-11-14T10:20:00+08:00"));
        }

        @Test
        void refusedReturnSaysWhyAndSettlementSaysWhoOwesWhom() {
            ExchangeMessage decision = read("return-decision-refused.csv");
            ExchangeMessage settlement = read("return-settlement-advance-refund.csv");

            assertThat(decision.getReturnDecision().getDecision()).isEqualTo(ReturnOutcome.REFUSED);
            assertThat(decision.getReturnDecision().getReason()).startsWith("商品已使用");
            assertThat(decision.getReturnDecision().getRefundAmount()).isNull();
            assertThat(settlement.getReturnSettlement().getPayer().getName()).isEqualTo("岭南优品天河城店");
            assertThat(settlement.getReturnSettlement().getPayee().getName()).isEqualTo("岭南优品哈尔滨中央大街店");
            assertThat(settlement.getReturnSettlement().getDueBy())
                    .isEqualTo(OffsetDateTime.parse("2026-11-16T10:45:00+08:00"));
        }

        @Test
        void oldLineWithoutTheAppendedColumnsStillReads() {
            String complaint = dataLine("complaint-to-guangzhou.csv");
            String oldLine = complaint.substring(0, complaint.length() - ",".repeat(37).length() - 1);

            ExchangeMessage read = adapter.toContract(oldLine.getBytes(StandardCharsets.UTF_8));

            assertThat(ContractCodec.standard().write(read)).isEqualTo(
                    ContractCodec.standard().write(read("complaint-to-guangzhou.csv")));
        }

        @Test
        void acknowledgementLineIsNotReadFromAPartner() {
            byte[] ack = adapter.toNative(contract("acknowledgement"));

            assertThatThrownBy(() -> adapter.toContract(ack))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(violation -> {
                                assertThat(violation.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                                assertThat(violation.reason()).contains("Column record_type must be one of");
                            }));
        }
    }

    @Nested
    class Writing {

        @Test
        void evidenceItemsGoIntoParallelColumnsWithAnEmptyEntryForAMissingDescription() {
            byte[] line = adapter.toNative(contract("evidence"));

            assertThat(cell(line, "record_type")).isEqualTo("EVIDENCE");
            assertThat(cell(line, "evidence_kinds")).isEqualTo("购物凭证|聊天记录");
            assertThat(cell(line, "evidence_content_types")).isEqualTo("image/jpeg|application/pdf");
            assertThat(cell(line, "evidence_sizes")).isEqualTo("482113|96512");
            assertThat(cell(line, "evidence_descriptions")).isEqualTo("电子发票截图|");
            assertThat(cell(line, "evidence_claim_checks"))
                    .isEqualTo("evidence/SZ-AMR/SZ-TS-20260512-0731/1|evidence/SZ-AMR/SZ-TS-20260512-0731/2");
        }

        @Test
        void complaintWithAReportWritesTheReporterBesideTheConsumer() {
            byte[] line = adapter.toNative(contract("complaint-with-report"));

            assertThat(cell(line, "consumer_name")).isEqualTo("李晓华");
            assertThat(cell(line, "reporter_name")).isEqualTo("周敏");
            assertThat(cell(line, "reporter_phone")).isEqualTo("13900139000");
            assertThat(cell(line, "clues")).startsWith("该商城对多名消费者");
            assertThat(cell(adapter.toNative(contract("complaint")), "clues")).isEmpty();
        }

        @Test
        void mediationResultWritesAmountsSignatureAndIssuer() {
            byte[] line = adapter.toNative(contract("mediation-result"));

            assertThat(cell(line, "record_type")).isEqualTo("MEDIATION");
            assertThat(cell(line, "outcome")).isEqualTo("达成协议");
            assertThat(cell(line, "agreed_amounts")).isEqualTo("2399.00|200.00");
            assertThat(cell(line, "currency")).isEqualTo("CNY");
            assertThat(cell(line, "handled_by")).isEqualTo("SH-PUDONG-AMR");
            assertThat(cell(line, "handled_date")).isEqualTo("2026-05-20");
            assertThat(cell(line, "sign_key_id")).isEqualTo("SH-PUDONG-AMR/2026-01");
            assertThat(cell(line, "sign_value")).startsWith("VatCQdHU");
        }

        @Test
        void returnMessagesWriteItemsStoresAndChinaTime() {
            byte[] request = adapter.toNative(contract("return-request"));
            byte[] settlement = adapter.toNative(contract("return-settlement"));
            byte[] decision = adapter.toNative(contract("return-decision"));

            assertThat(cell(request, "item_names")).isEqualTo("羊毛围巾|保温杯 500ml");
            assertThat(cell(request, "item_quantities")).isEqualTo("2|1");
            assertThat(cell(request, "item_unit_prices")).isEqualTo("199.00|89.50");
            assertThat(cell(request, "return_store_code")).isEqualTo("LNYP-SZ-0305-01");
            assertThat(cell(request, "handled_time")).isEqualTo("2026-05-16 15:32:00");
            assertThat(cell(settlement, "origin_store_code")).isEqualTo("LNYP-GZ-0106-03");
            assertThat(cell(settlement, "due_time")).isEqualTo("2026-05-18 16:20:00");
            assertThat(cell(decision, "decision")).isEqualTo("同意退货");
            assertThat(cell(decision, "refund_amount")).isEqualTo("487.50");
        }

        @Test
        void amountsInDifferentCurrenciesGetOneCurrencyEach() {
            ExchangeMessage result = contract("mediation-result");
            result.getMediationResult().getAgreedAmount().get(0).setCurrency(Currency.HKD);

            byte[] line = adapter.toNative(result);

            assertThat(cell(line, "currency")).isEqualTo("HKD|CNY");
            assertThat(adapter.toContract(line).getMediationResult().getAgreedAmount())
                    .extracting(Money::getCurrency).containsExactly(Currency.HKD, Currency.CNY);
        }
    }

    /** Texts holding the list separator, the escape character, the CSV separator or quotes, or a formula. */
    @ParameterizedTest
    @ValueSource(strings = {"发票|收据", "a\\|b", "结尾\\", "\\", "|开头", "双||竖线", "逗号, \"引号\"", "=1+2", "-5 件"})
    void textInARepeatedStructureComesBackExactly(String text) {
        ExchangeMessage evidence = contract("evidence");
        evidence.getEvidence().getItem().get(1).setDescription(text);
        ExchangeMessage record = contract("investigation-record");
        record.getInvestigationRecord().getPerson().get(0).setRole(text);
        record.getInvestigationRecord().getPerson().get(1).setName(text);
        ExchangeMessage request = contract("return-request");
        request.getReturnRequest().getPurchase().getItem().get(0).setName(text);

        assertThat(throughNative(evidence).getEvidence().getItem()).extracting(EvidenceItem::getDescription)
                .containsExactly("电子发票截图", text);
        assertThat(throughNative(record).getInvestigationRecord().getPerson())
                .extracting(person -> person.getName() + "=" + person.getRole())
                .containsExactly("陈美玲=" + text, text + "=记录人");
        assertThat(throughNative(request).getReturnRequest().getPurchase().getItem())
                .extracting(PurchasedItem::getName).containsExactly(text, "保温杯 500ml");
    }

    @Test
    void reportTextAFormulaWouldRunIsWrittenInert() {
        ExchangeMessage report = contract("report");
        report.getReport().setClues("=HYPERLINK(\"http://example.com\")");
        report.getReport().getReporter().setPhone("+86 139 0013 9000");

        byte[] line = adapter.toNative(report);

        assertThat(cell(line, "clues")).startsWith("'=");
        assertThat(cell(line, "reporter_phone")).startsWith("'+");
        assertThat(ContractCodec.standard().write(adapter.toContract(line)))
                .isEqualTo(ContractCodec.standard().write(report));
    }

    @Test
    void reportWithoutTheReportersPhoneIsRejectedAtTheContractPath() {
        assertThatThrownBy(() -> read("invalid-report-without-reporter-phone.csv"))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("HL-PC-20261121-000408");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                        assertThat(violation.path()).isEqualTo("/ExchangeMessage/Report/Reporter/Phone");
                        assertThat(violation.reason())
                                .startsWith("[hlj-csv to-contract.xsl, native column reporter_phone]");
                    });
                });
    }

    @Test
    void evidenceColumnsListingDifferentNumbersOfItemsAreRefused() {
        assertThatThrownBy(() -> read("invalid-evidence-misaligned-items.csv"))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("HL-PC-20261120-000323");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                        assertThat(violation.reason()).contains("one entry per evidence item")
                                .contains("evidence_sha256s lists 2 where another lists 3");
                    });
                });
    }

    @Test
    void aCellListingMoreEntriesThanAnyCaseHasIsRefusedBeforeTheStylesheetSplitsIt() {
        String[] lines = Samples.text("hlj-csv/evidence-receipt-photos.csv").split("\n", 2);
        List<String> header = List.of(lines[0].split(","));
        String[] cells = lines[1].split(",", -1);
        cells[header.indexOf("evidence_kinds")] = "PHOTO|".repeat(5_000) + "PHOTO";

        assertThatThrownBy(() -> adapter.toContract((lines[0] + "\n" + String.join(",", cells))
                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                        .extracting(Violation::code, Violation::path)
                        .containsExactly(tuple(ErrorCode.DOCUMENT_TOO_LARGE, "/record/evidence_kinds")));
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
                .hasMessageContaining("Line 1 has 3 fields; expected 75 (or 38, a line written before later columns "
                        + "were appended)");
    }
}
