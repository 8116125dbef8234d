package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.EvidenceKind;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnRequest;

/** The Yangtze River Delta's format (长三角): camelCase JSON, the contract's codes, ISO dates, amounts as strings. */
class YrdJsonFormatTest {

    static final AdapterCatalog CATALOG = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);
    static final ObjectMapper JSON = new ObjectMapper();

    final PartnerAdapter adapter = CATALOG.forFormat("yrd-json");
    final ContractCodec codec = ContractCodec.standard();

    @Test
    void isDeclarativeAndCarriesEveryMessageType() {
        assertThat(adapter).isInstanceOf(XsltAdapter.class);
        assertThat(adapter.messageTypes()).containsExactlyInAnyOrder(MessageKind.values());
    }

    @Test
    void statusReadsIntoTheContract() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/status-accepted.json"));

        assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.STATUS_UPDATE);
        assertThat(message.getEnvelope().getReceiver()).isNull();
        assertThat(message.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
        assertThat(message.getStatusUpdate().getCaseRef()).isEqualTo("GW-2026-REPLACEME0");
        assertThat(message.getStatusUpdate().getBy()).isEqualTo("SAMR-SH");
        assertThat(message.getStatusUpdate().getNote()).isEqualTo("已由浦东新区市场监督管理局受理");
    }

    @Test
    void codesAreReadInAnyCaseAsThePlatformsHaveAlwaysSentThem() {
        ExchangeMessage message = adapter.toContract(Samples.text("yrd-json/status-accepted.json")
                .replace("\"ACCEPTED\"", "\"accepted\"").getBytes(StandardCharsets.UTF_8));

        assertThat(message.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void complaintFromAnotherFormatSurvivesTheJsonRoundTrip() {
        ExchangeMessage fromShenzhen = CATALOG.forFormat("gba-xml")
                .toContract(Samples.bytes("gba-xml/complaint-to-shanghai.xml"));

        byte[] json = adapter.toNative(fromShenzhen);
        ExchangeMessage again = adapter.toContract(json);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"amount\":\"1299.00\"")
                .doesNotContain("\"report\"");
        assertThat(again.getComplaint().getPurchase().getAmount().getValue()).isEqualTo(new BigDecimal("1299.00"));
        assertThat(codec.write(again)).isEqualTo(codec.write(fromShenzhen));
    }

    @Test
    void complaintKeepsTheReportMadeWithIt() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/complaint-with-report-to-shenzhen.json"));

        assertThat(message.getComplaint().getComplainant().getName()).isEqualTo("顾文斌");
        assertThat(message.getComplaint().getRequests().getRequest()).extracting(Enum::name)
                .containsExactly("RETURN", "COMPENSATION");
        // Without a reporter of its own, the complainant is the reporter.
        assertThat(message.getComplaint().getReport().getReporter()).isNull();
        assertThat(message.getComplaint().getReport().getClues()).startsWith("该商城将翻新机作为全新商品销售");
    }

    @Test
    void reportCarriesItsReporterAndTheBusinessReported() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/report-refurbished-as-new.json"));

        assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
        assertThat(message.getEnvelope().getReceiver()).isEqualTo("SAMR-GD-SZ");
        assertThat(message.getReport().getOriginCaseNumber()).isEqualTo("SH12315-2026-001211");
        assertThat(message.getReport().getReporter().getName()).isEqualTo("陆振宇");
        assertThat(message.getReport().getReporter().getPhone()).isEqualTo("13601752266");
        assertThat(message.getReport().getReporter().getIdNumber()).isNull();
        assertThat(message.getReport().getRespondent().getCreditCode()).isEqualTo("91440305MA5FX3KL2C");
        assertThat(message.getReport().getRespondent().getDivisionCode()).isEqualTo("440305");
        assertThat(message.getReport().getClues()).startsWith("举报人曾在该公司官方商城工作");
        assertThat(message.getReport().getReceivedAt()).hasToString("2026-11-20T08:47+08:00");
        assertThat(message.getReport().getReceivingAuthority()).isEqualTo("SAMR-SH");
    }

    @Test
    void evidenceFilesBecomeItemsWithTheirClaimChecks() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/evidence-receipt-photos.json"));

        assertThat(message.getEvidence().getCaseRef()).isEqualTo("SH12315-2026-001207");
        assertThat(message.getEvidence().getItem())
                .extracting(EvidenceItem::getKind, EvidenceItem::getContentType, EvidenceItem::getSize,
                        EvidenceItem::getDescription, EvidenceItem::getClaimCheck)
                .containsExactly(
                        tuple(EvidenceKind.RECEIPT, "application/pdf", 128455L, "电子发票",
                                "evidence/SAMR-SH/SH12315-2026-001207/1"),
                        tuple(EvidenceKind.PHOTO, "image/jpeg", 2381920L, "屏幕坏点照片（开机状态）",
                                "evidence/SAMR-SH/SH12315-2026-001207/2"),
                        tuple(EvidenceKind.PHOTO, "image/jpeg", 2097311L, null,
                                "evidence/SAMR-SH/SH12315-2026-001207/3"));
        assertThat(message.getEvidence().getItem().get(0).getSha256())
                .isEqualTo("125a7a8744a00002e71064e667927d18c797b2d0889105540fcbf83b97c768cd");
    }

    @Test
    void sizeSentAsAJsonNumberIsReadToo() {
        ExchangeMessage message = adapter.toContract(Samples.text("yrd-json/evidence-receipt-photos.json")
                .replace("\"size\": \"2381920\"", "\"size\": 2381920").getBytes(StandardCharsets.UTF_8));

        assertThat(message.getEvidence().getItem().get(1).getSize()).isEqualTo(2381920L);
    }

    @Test
    void investigationRecordKeepsItsPersonsAndLineBreaks() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/investigation-record-pujiang.json"));

        assertThat(message.getInvestigationRecord().getInvestigator()).isEqualTo("吴海涛");
        assertThat(message.getInvestigationRecord().getAuthority()).isEqualTo("SAMR-SH");
        assertThat(message.getInvestigationRecord().getDate()).hasToString("2026-11-21");
        assertThat(message.getInvestigationRecord().getPerson()).extracting(p -> p.getName(), p -> p.getRole())
                .containsExactly(tuple("钱丽萍", "被询问人（门店店长）"), tuple("徐斌", "记录人"));
        assertThat(message.getInvestigationRecord().getRecordText()).contains("拒绝退换？\n答：");
    }

    @Test
    void mediationResultKeepsItsSignatureAndAmounts() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/mediation-agreement-signed.json"));

        assertThat(message.getEnvelope().getSignature().getAlgorithm()).isEqualTo("SM2-SM3");
        assertThat(message.getEnvelope().getSignature().getKeyId()).isEqualTo("SAMR-SH/2026-01");
        assertThat(message.getMediationResult().getOutcome()).isEqualTo(MediationOutcome.AGREEMENT);
        assertThat(message.getMediationResult().getAgreedAmount()).extracting(amount -> amount.getValue().toString())
                .containsExactly("1299.00", "100.00");
        assertThat(message.getMediationResult().getIssuingAuthority()).isEqualTo("SAMR-SH");
    }

    @Test
    void returnRequestReadsStoresGoodsAndCommitment() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("yrd-json/return-request-nanjing-to-shanghai.json"));

        ReturnRequest request = message.getReturnRequest();
        assertThat(message.getEnvelope().getCaseRef()).isEmpty();
        assertThat(request.getCaseRef()).isNull();
        assertThat(request.getPurchase().getOriginStore().getStoreCode()).isEqualTo("HPSH-SH-0101-02");
        assertThat(request.getPurchase().getOriginStore().getDivisionCode()).isEqualTo("310101");
        assertThat(request.getPurchase().getReceiptNumber()).isEqualTo("0101-02-20261112-0458");
        assertThat(request.getPurchase().getItem()).extracting(item -> item.getName(), item -> item.getQuantity(),
                item -> item.getUnitPrice().getValue().toString())
                .containsExactly(tuple("真丝围巾", 1, "368.00"), tuple("香薰蜡烛礼盒", 2, "129.00"));
        assertThat(request.getPurchase().getAmount().getValue()).isEqualByComparingTo("626.00");
        assertThat(request.getReturnStore().getDivisionCode()).isEqualTo("320102");
        assertThat(request.getConsumer().getName()).isEqualTo("周敏");
        assertThat(request.getCommitmentId()).isEqualTo("HPSH-7D-2026");
    }

    @Test
    void returnDecisionAndSettlementReadTheirAmountsAndStores() {
        ExchangeMessage decision = adapter.toContract(Samples.bytes("yrd-json/return-decision-accepted.json"));
        ExchangeMessage settlement = adapter.toContract(
                Samples.bytes("yrd-json/return-settlement-advance-refund.json"));

        assertThat(decision.getReturnDecision().getDecision()).isEqualTo(ReturnOutcome.ACCEPTED);
        assertThat(decision.getReturnDecision().getReason()).isNull();
        assertThat(decision.getReturnDecision().getRefundAmount().getValue()).isEqualByComparingTo("626.00");
        assertThat(settlement.getReturnSettlement().getPayer().getStoreCode()).isEqualTo("HPSH-SH-0101-02");
        assertThat(settlement.getReturnSettlement().getPayee().getStoreCode()).isEqualTo("HPSH-JS-0102-01");
        assertThat(settlement.getReturnSettlement().getDueBy()).hasToString("2026-11-18T16:32+08:00");
    }

    @Test
    void writesStatusWithEveryKeyOfTheBodyInTheOrderThePlatformsReceiveIt() {
        ExchangeMessage status = codec.read(Samples.bytes("contract/status-update.xml"));

        assertThat(new String(adapter.toNative(status), StandardCharsets.UTF_8)).isEqualTo(
                "{\"msgId\":\"SH-PUDONG-AMR:2026:SU:0193\",\"fromOrg\":\"SH-PUDONG-AMR\",\"toOrg\":\"SZ-AMR\","
                        + "\"sendTime\":\"2026-05-14T11:20:00+08:00\",\"refs\":[\"SZ-TS-20260512-0731\"],"
                        + "\"msgType\":\"STATUS\",\"status\":{\"caseRef\":\"SZ-TS-20260512-0731\","
                        + "\"state\":\"ACCEPTED\",\"handler\":\"SH-PUDONG-AMR\",\"time\":\"2026-05-14T11:15:00+08:00\","
                        + "\"reason\":null,\"remark\":\"已受理，案件编号 PD-2026-05-01877。\"}}");
    }

    @Test
    void writesTheNewTypesWithTheNativeKeys() {
        JsonNode evidence = written("evidence");
        JsonNode report = written("report");
        JsonNode withReport = written("complaint-with-report");
        JsonNode mediation = written("mediation-result");
        JsonNode request = written("return-request");
        JsonNode settlement = written("return-settlement");

        assertThat(evidence.path("msgType").asText()).isEqualTo("EVIDENCE");
        assertThat(evidence.at("/evidence/files/1/type").asText()).isEqualTo("CHAT_LOG");
        assertThat(evidence.at("/evidence/files/1/size").asText()).isEqualTo("96512");
        assertThat(evidence.at("/evidence/files/1/description").isNull()).isTrue();
        assertThat(evidence.at("/evidence/files/1/fileKey").asText())
                .isEqualTo("evidence/SZ-AMR/SZ-TS-20260512-0731/2");
        assertThat(report.at("/report/reporter/idNo").asText()).isEqualTo("440305198805054321");
        assertThat(report.at("/report/merchant/creditCode").asText()).isEqualTo("91310115MA1H8Q6T2C");
        assertThat(withReport.at("/complaint/report/reporter/name").asText()).isEqualTo("周敏");
        assertThat(withReport.at("/complaint/report/clues").asText()).startsWith("该商城对多名消费者");
        assertThat(mediation.path("msgType").asText()).isEqualTo("MEDIATION");
        assertThat(mediation.at("/mediation/amounts/1/amount").asText()).isEqualTo("200.00");
        assertThat(mediation.at("/sign/keyId").asText()).isEqualTo("SH-PUDONG-AMR/2026-01");
        assertThat(request.at("/returnRequest/caseRef").isNull()).isTrue();
        assertThat(request.at("/returnRequest/order/store/storeCode").asText()).isEqualTo("LNYP-GZ-0106-03");
        assertThat(request.at("/returnRequest/order/goods/1/price").asText()).isEqualTo("89.50");
        assertThat(request.at("/returnRequest/order/goods/0/quantity").asText()).isEqualTo("2");
        assertThat(settlement.at("/returnSettlement/dueTime").asText()).isEqualTo("2026-05-18T16:20:00+08:00");
        assertThat(settlement.at("/returnSettlement/payee/regionCode").asText()).isEqualTo("440305");
    }

    @Test
    void writesTheGatewaysAnswers() {
        JsonNode ack = written("acknowledgement");
        JsonNode reject = written("rejection");

        assertThat(ack.path("msgType").asText()).isEqualTo("ACK");
        assertThat(ack.at("/ack/forMsgId").asText()).isEqualTo("SZ-AMR:20260512:000731");
        assertThat(ack.at("/ack/gatewayRef").asText()).isEqualTo("GW-20260512-000184");
        assertThat(reject.path("msgType").asText()).isEqualTo("REJECT");
        assertThat(reject.at("/reject/errors/0/code").asText()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(reject.at("/reject/errors/0/field").asText())
                .isEqualTo("/ExchangeMessage/Complaint/Respondent/CreditCode");
        assertThat(reject.at("/reject/errors/1/message").asText()).isEqualTo("2026-06-13 lies in the future.");
    }

    @Test
    void writesPathsAndBackslashesAsThePlatformsHaveAlwaysReceivedThem() {
        ExchangeMessage rejection = codec.read(Samples.bytes("contract/rejection.xml"));
        rejection.getRejection().getError().get(1).setReason("C:\\temp\\/x");

        String json = new String(adapter.toNative(rejection), StandardCharsets.UTF_8);

        assertThat(json).contains("\"field\":\"/ExchangeMessage/Complaint/Respondent/CreditCode\"")
                .contains("\"message\":\"C:\\\\temp\\\\/x\"");
        assertThat(written(json.getBytes(StandardCharsets.UTF_8)).at("/reject/errors/1/message").asText())
                .isEqualTo("C:\\temp\\/x");
    }

    @Test
    void returnRequestWithoutReceiptIsRejectedNamingTheNativeField() {
        assertThatThrownBy(() -> adapter.toContract(
                Samples.bytes("yrd-json/invalid-return-request-without-receipt.json")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("JS-RR-20261117-0004");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                        assertThat(violation.path()).isEqualTo("/ExchangeMessage/ReturnRequest/Purchase/ReceiptNumber");
                        assertThat(violation.reason()).startsWith(
                                "[yrd-json to-contract.xsl, native $.returnRequest.order.receiptNo]");
                    });
                });
    }

    @Test
    void answerTypesAreNotReadFromPartners() {
        byte[] ack = adapter.toNative(codec.read(Samples.bytes("contract/acknowledgement.xml")));

        assertThatThrownBy(() -> adapter.toContract(ack))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("GW:20260512:ACK:000731");
                    assertThat(e.violations()).singleElement().satisfies(violation -> {
                        assertThat(violation.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                        assertThat(violation.reason()).contains("msgType must be one of COMPLAINT");
                    });
                });
    }

    @Test
    void typeWithoutItsBodyIsRejectedNamingTheObject() {
        byte[] noBody = Samples.text("yrd-json/status-accepted.json").replace("\"status\":", "\"state\":")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.toContract(noBody))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("SH-ST-20261121-0001");
                    assertThat(e.violations()).singleElement().satisfies(violation -> assertThat(violation.reason())
                            .contains("A message of type STATUS needs a 'status' object."));
                });
    }

    @Test
    void notJsonIsUntranslatable() {
        assertThatThrownBy(() -> adapter.toContract("<xml/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UntranslatableMessageException.class)
                .hasMessageContaining("Not valid JSON");
    }

    private JsonNode written(String contractSample) {
        return written(adapter.toNative(codec.read(Samples.bytes("contract/" + contractSample + ".xml"))));
    }

    private static JsonNode written(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
