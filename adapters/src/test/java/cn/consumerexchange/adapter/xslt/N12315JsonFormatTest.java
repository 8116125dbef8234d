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

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import cn.consumerexchange.contract.v1.InvestigationRecord;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Person;
import cn.consumerexchange.contract.v1.PurchasedItem;
import cn.consumerexchange.contract.v1.Report;
import cn.consumerexchange.contract.v1.RespondentKind;
import cn.consumerexchange.contract.v1.ReturnDecision;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.contract.v1.ReturnSettlement;

/** The national 12315 platform's format: JSON with pinyin-abbreviation keys. */
class N12315JsonFormatTest {

    final PartnerAdapter adapter = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("n12315-json");

    @Test
    void readsAbbreviatedKeysCodesAndCompactTimes() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("n12315-json/complaint-to-hangzhou.json"));

        assertThat(complaint.getEnvelope().getSentAt()).hasToString("2026-11-21T08:30:15+08:00");
        assertThat(complaint.getComplaint().getRespondent().getKind()).isEqualTo(RespondentKind.PLATFORM_SELLER);
        assertThat(complaint.getComplaint().getRespondent().getPlatformName()).isEqualTo("淘宝");
        assertThat(complaint.getComplaint().getPurchase().getDate()).hasToString("2026-11-08");
    }

    @Test
    void mediationResultKeepsItsSignatureAndAmounts() {
        ExchangeMessage result = adapter.toContract(Samples.bytes("n12315-json/mediation-agreement.json"));

        assertThat(result.getEnvelope().getSignature().getKeyId()).isEqualTo("SAMR-12315/2026-01");
        assertThat(result.getMediationResult().getOutcome()).isEqualTo(MediationOutcome.AGREEMENT);
        assertThat(result.getMediationResult().getAgreedAmount()).extracting(amount -> amount.getValue().toString())
                .containsExactly("1299.00", "200.00");
    }

    @Test
    void writesAcknowledgementsWithTheKeysOfTheFormat() {
        ExchangeMessage acknowledgement = ContractCodec.standard().read(Samples.bytes("contract/acknowledgement.xml"));

        assertThat(new String(adapter.toNative(acknowledgement), StandardCharsets.UTF_8)).isEqualTo(
                "{\"xxbh\":\"GW:20260512:ACK:000731\",\"xxlx\":\"HZ\",\"fsdw\":\"EXCHANGE-HUB\",\"jsdw\":\"SZ-AMR\","
                        + "\"fssj\":\"20260512093001\",\"hzxx\":{\"yxxbh\":\"SZ-AMR:20260512:000731\","
                        + "\"wgbh\":\"GW-20260512-000184\",\"jssj\":\"20260512093001\"}}");
    }

    @Test
    void unsupportedCurrencyIsRejectedAtTheContractPath() {
        assertThatThrownBy(() -> adapter.toContract(
                Samples.bytes("n12315-json/invalid-complaint-unsupported-currency.json")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("N12315-20261121-00003861");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.UNSUPPORTED_CURRENCY);
                        assertThat(violation.path()).isEqualTo("/ExchangeMessage/Complaint/Purchase/Amount/@currency");
                        assertThat(violation.reason()).startsWith(
                                "[n12315-json to-contract.xsl, native $.tsxx.gmxx.bz] Value 'USD'");
                    });
                });
    }

    @Test
    void brokenJsonIsRefusedWithWhereItBreaks() {
        assertThatThrownBy(() -> adapter.toContract("{\"xxbh\": \"N-1\",\n \"xxlx\": }".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.violations()).containsExactly(new Violation(ErrorCode.MALFORMED_JSON, "$",
                            "Not valid JSON at line 2, column 10."));
                });
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        byte[] deep = ("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.toContract(deep))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation(ErrorCode.DOCUMENT_TOO_DEEP, "$.a" + "[0]".repeat(31),
                                "The JSON nests more than 32 levels deep.")));
    }

    /** 举报, 证据, 调查笔录 and 退货 as the national platform sends them. */
    @Nested
    class Reading {

        @Test
        void reportCarriesTheReporterTheRespondentAndTheClues() {
            ExchangeMessage message = adapter.toContract(Samples.bytes("n12315-json/report-false-wool-label.json"));
            Report report = message.getReport();

            assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
            assertThat(report.getOriginCaseNumber()).isEqualTo("1231520261121000419035");
            assertThat(report.getReporter().getName()).isEqualTo("韩雪梅");
            assertThat(report.getReporter().getPhone()).isEqualTo("13945127733");
            assertThat(report.getReporter().getIdNumber()).isEqualTo("230103198607152427");
            assertThat(report.getRespondent().getCreditCode()).isEqualTo("91330106MA2KD8H63Y");
            assertThat(report.getRespondent().getKind()).isEqualTo(RespondentKind.PLATFORM_SELLER);
            assertThat(report.getClues()).startsWith("该店铺在淘宝销售的多款羊毛大衣");
            assertThat(report.getReceivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T09:15:42+08:00"));
            assertThat(report.getReceivingAuthority()).isEqualTo("SAMR-12315");
        }

        @Test
        void complaintsReportPartWithoutReporterLeavesTheComplainantAsReporter() {
            ExchangeMessage message = adapter.toContract(Samples.bytes("n12315-json/complaint-with-report-coat.json"));

            assertThat(message.getComplaint().getReport().getReporter()).isNull();
            assertThat(message.getComplaint().getReport().getClues()).startsWith("该店铺销售的羊毛大衣实际羊毛含量");
            assertThat(message.getComplaint().getRequests().getRequest())
                    .containsExactly(ConsumerRequest.RETURN, ConsumerRequest.REFUND, ConsumerRequest.COMPENSATION);
        }

        @Test
        void evidenceItemsKeepKindSizeDigestAndClaimCheck() {
            ExchangeMessage message = adapter.toContract(Samples.bytes("n12315-json/evidence-receipt-photos.json"));

            assertThat(message.getEvidence().getCaseRef()).isEqualTo("1231520261120000418276");
            assertThat(message.getEvidence().getItem()).extracting(EvidenceItem::getKind)
                    .containsExactly(EvidenceKind.RECEIPT, EvidenceKind.PHOTO, EvidenceKind.OTHER);
            EvidenceItem label = message.getEvidence().getItem().get(1);
            assertThat(label.getContentType()).isEqualTo("image/jpeg");
            assertThat(label.getSize()).isEqualTo(1_873_920L);
            assertThat(label.getSha256()).isEqualTo("0316066ba3683ec819afd0d188c78eb4cfeca3abfde258b2a7b0281060d5dc26");
            assertThat(label.getDescription()).isEqualTo("大衣吊牌照片，标注羊毛含量80%");
            assertThat(label.getClaimCheck()).isEqualTo("evidence/SAMR-12315/1231520261120000418276/2");
        }

        @Test
        void investigationRecordKeepsEveryPersonPresentAndTheLinesOfTheRecord() {
            InvestigationRecord record = adapter.toContract(
                    Samples.bytes("n12315-json/investigation-record-heilongjiang-case.json")).getInvestigationRecord();

            assertThat(record.getInvestigator()).isEqualTo("张明远");
            assertThat(record.getAuthority()).isEqualTo("SAMR-12315");
            assertThat(record.getDate()).isEqualTo(LocalDate.of(2026, 11, 19));
            assertThat(record.getPerson()).extracting(Person::getName, Person::getRole).containsExactly(
                    tuple("李国强", "被询问人（经营者委托代理人）"),
                    tuple("王丽娟", "调解员"),
                    tuple("陈晓", "记录人"));
            assertThat(record.getRecordText()).contains("无法充电，你方是否认可存在质量问题？\n答：");
        }

        @Test
        void returnRequestKeepsBothStoresTheItemsAndTheCommitment() {
            ReturnRequest request = adapter.toContract(
                    Samples.bytes("n12315-json/return-request-shanghai-store.json")).getReturnRequest();

            assertThat(request.getPurchase().getOriginStore().getStoreCode()).isEqualTo("JNLP-SH-0104-02");
            assertThat(request.getPurchase().getOriginStore().getDivisionCode()).isEqualTo("310104");
            assertThat(request.getPurchase().getReceiptNumber()).isEqualTo("0104-02-20261114-0563");
            assertThat(request.getPurchase().getDate()).isEqualTo(LocalDate.of(2026, 11, 14));
            assertThat(request.getPurchase().getItem())
                    .extracting(PurchasedItem::getName, PurchasedItem::getQuantity,
                            item -> item.getUnitPrice().getValue())
                    .containsExactly(tuple("真丝围巾", 1, new BigDecimal("268.00")),
                            tuple("香薰蜡烛", 2, new BigDecimal("59.00")));
            assertThat(request.getPurchase().getAmount().getValue()).isEqualTo(new BigDecimal("386.00"));
            assertThat(request.getReturnStore().getName()).isEqualTo("江南良品杭州西湖文三店");
            assertThat(request.getCommitmentId()).isEqualTo("JNLP-7D-2026");
            assertThat(request.getRequestedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T14:35:12+08:00"));
        }

        @Test
        void refusedReturnDecisionKeepsItsReasonAndNoRefund() {
            ReturnDecision decision = adapter.toContract(
                    Samples.bytes("n12315-json/return-decision-refused-used-goods.json")).getReturnDecision();

            assertThat(decision.getDecision()).isEqualTo(ReturnOutcome.REFUSED);
            assertThat(decision.getReason()).startsWith("退回的电动牙刷刷头已使用");
            assertThat(decision.getRefundAmount()).isNull();
            assertThat(decision.getDecidedAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T11:05:30+08:00"));
        }

        @Test
        void settlementKeepsTheAdvancedRefundItsDueTimeAndWhoOwesWhom() {
            ReturnSettlement settlement = adapter.toContract(
                    Samples.bytes("n12315-json/return-settlement-advance-refund.json")).getReturnSettlement();

            assertThat(settlement.getRefundAmount().getValue()).isEqualTo(new BigDecimal("386.00"));
            assertThat(settlement.getRefundAmount().getCurrency()).isEqualTo(Currency.CNY);
            assertThat(settlement.getDueBy()).isEqualTo(OffsetDateTime.parse("2026-11-22T15:52:00+08:00"));
            assertThat(settlement.getPayer().getStoreCode()).isEqualTo("JNLP-SH-0104-02");
            assertThat(settlement.getPayee().getStoreCode()).isEqualTo("JNLP-HZ-0106-05");
        }

        @Test
        void reportWithoutTheReportersPhoneIsRejectedAtItsNativeField() {
            assertThatThrownBy(() -> adapter.toContract(
                    Samples.bytes("n12315-json/invalid-report-without-reporter-phone.json")))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.messageId()).hasValue("N12315-20261121-00003925");
                        assertThat(e.violations()).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                                "/ExchangeMessage/Report/Reporter/Phone",
                                "[n12315-json to-contract.xsl, native $.jbxx.jbrdh] Phone is required."));
                    });
        }

        @Test
        void theExchangesOwnAnswersAreNotTakenFromAPartner() {
            byte[] acknowledgement = adapter.toNative(
                    ContractCodec.standard().read(Samples.bytes("contract/acknowledgement.xml")));

            assertThatThrownBy(() -> adapter.toContract(acknowledgement))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                            .singleElement().satisfies(violation -> {
                                assertThat(violation.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                                assertThat(violation.reason()).contains("xxlx must be one of TS, JB, ZJ");
                            }));
        }
    }

    @Nested
    class Writing {

        @Test
        void reportGoesUnderJbxxWithTheRespondentAsBjbr() {
            JsonNode report = write("contract/report.xml");

            assertThat(report.at("/xxlx").asText()).isEqualTo("JB");
            assertThat(report.at("/jbxx/jbbh").asText()).isEqualTo("SZ-TS-20260512-0741");
            assertThat(report.at("/jbxx/jbrxm").asText()).isEqualTo("周敏");
            assertThat(report.at("/jbxx/jbrzjhm").asText()).isEqualTo("440305198805054321");
            assertThat(report.at("/jbxx/bjbr/tyshxydm").asText()).isEqualTo("91310115MA1H8Q6T2C");
            assertThat(report.at("/jbxx/bjbr/ztlx").asText()).isEqualTo("03");
            assertThat(report.at("/jbxx/djsj").asText()).isEqualTo("20260512091200");
            assertThat(report.at("/jbxx/sldw").asText()).isEqualTo("SZ-AMR");
        }

        @Test
        void complaintsReportPartGoesInsideTsxx() {
            JsonNode complaint = write("contract/complaint-with-report.xml");

            assertThat(complaint.at("/xxlx").asText()).isEqualTo("TS");
            assertThat(complaint.at("/tsxx/jbxx/jbrxm").asText()).isEqualTo("周敏");
            assertThat(complaint.at("/tsxx/jbxx/jbrdh").asText()).isEqualTo("13900139000");
            assertThat(complaint.at("/tsxx/jbxx/jbnr").asText()).startsWith("该商城对多名消费者");
            assertThat(complaint.has("jbxx")).as("no report body beside the complaint").isFalse();
        }

        @Test
        void evidenceListsEachFileWithItsCodeAndDigest() {
            JsonNode evidence = write("contract/evidence.xml");

            assertThat(evidence.at("/xxlx").asText()).isEqualTo("ZJ");
            assertThat(evidence.at("/zjxx/zjlb")).hasSize(2);
            assertThat(evidence.at("/zjxx/zjlb/0/zjlx").asText()).isEqualTo("01");
            assertThat(evidence.at("/zjxx/zjlb/0/wjdx").asText()).isEqualTo("482113");
            assertThat(evidence.at("/zjxx/zjlb/1/zjlx").asText()).isEqualTo("05");
            assertThat(evidence.at("/zjxx/zjlb/1/zyz").asText())
                    .isEqualTo("986b3f9687c6254f24f8b9454e014c1e2e75125ca782e9b6357dca30d3cc790b");
            assertThat(evidence.at("/zjxx/zjlb/1/cfwz").asText()).isEqualTo("evidence/SZ-AMR/SZ-TS-20260512-0731/2");
            assertThat(evidence.at("/zjxx/zjlb/1").has("zjsm")).as("no description, no key").isFalse();
        }

        @Test
        void investigationRecordWritesDateAndPersons() {
            JsonNode record = write("contract/investigation-record.xml");

            assertThat(record.at("/xxlx").asText()).isEqualTo("DC");
            assertThat(record.at("/dcbl/dcr").asText()).isEqualTo("王建国");
            assertThat(record.at("/dcbl/dcdw").asText()).isEqualTo("SH-PUDONG-AMR");
            assertThat(record.at("/dcbl/dcrq").asText()).isEqualTo("20260518");
            assertThat(record.at("/dcbl/zcry/1/xm").asText()).isEqualTo("赵磊");
            assertThat(record.at("/dcbl/zcry/1/js").asText()).isEqualTo("记录人");
        }

        @Test
        void returnRequestAndDecisionUseTheirOwnTypeCodes() {
            JsonNode request = write("contract/return-request.xml");
            JsonNode decision = write("contract/return-decision.xml");

            assertThat(request.at("/xxlx").asText()).isEqualTo("THSQ");
            assertThat(request.at("/thsq/gmxx/gmmd/mdbm").asText()).isEqualTo("LNYP-GZ-0106-03");
            assertThat(request.at("/thsq/gmxx/spqd/1/mc").asText()).isEqualTo("保温杯 500ml");
            assertThat(request.at("/thsq/gmxx/spqd/1/dj").asText()).isEqualTo("89.50");
            assertThat(request.at("/thsq/thmd/xzqhdm").asText()).isEqualTo("440305");
            assertThat(request.at("/thsq/sqsj").asText()).isEqualTo("20260516153200");
            assertThat(decision.at("/xxlx").asText()).isEqualTo("THJD");
            assertThat(decision.at("/thjd/jd").asText()).isEqualTo("1");
            assertThat(decision.at("/thjd/tkje/je").asText()).isEqualTo("487.50");
        }

        @Test
        void settlementIsWrittenInTheKeyOrderOfTheFormat() {
            ExchangeMessage settlement = ContractCodec.standard().read(Samples.bytes("contract/return-settlement.xml"));

            assertThat(new String(adapter.toNative(settlement), StandardCharsets.UTF_8)).isEqualTo(
                    "{\"xxbh\":\"SZ-AMR:20260516:RS:0007\",\"xxlx\":\"THJS\",\"fsdw\":\"SZ-AMR\",\"jsdw\":\"GZ-AMR\","
                            + "\"glbh\":[\"GZ-TH-20260516-0007\"],\"fssj\":\"20260516163000\","
                            + "\"thjs\":{\"ajbh\":\"GZ-TH-20260516-0007\",\"tkje\":{\"je\":\"487.50\",\"bz\":\"CNY\"},"
                            + "\"tksj\":\"20260516162000\",\"jsqx\":\"20260518162000\","
                            + "\"fkmd\":{\"mc\":\"岭南优品天河城店\",\"mdbm\":\"LNYP-GZ-0106-03\",\"xzqhdm\":\"440106\"},"
                            + "\"skmd\":{\"mc\":\"岭南优品南山海岸城店\",\"mdbm\":\"LNYP-SZ-0305-01\",\"xzqhdm\":\"440305\"}}}");
        }

        private JsonNode write(String contractSample) {
            byte[] json = adapter.toNative(ContractCodec.standard().read(Samples.bytes(contractSample)));
            try {
                return new ObjectMapper().readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
