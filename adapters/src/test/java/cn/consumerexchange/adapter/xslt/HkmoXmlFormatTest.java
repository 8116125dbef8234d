package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ChainStore;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.Evidence;
import cn.consumerexchange.contract.v1.EvidenceKind;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.InvestigationRecord;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MediationResult;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.ReturnDecision;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.contract.v1.ReturnSettlement;

/** The Hong Kong and Macao consumer councils' format: Traditional Chinese, HKD and MOP, registration numbers. */
class HkmoXmlFormatTest {

    final PartnerAdapter adapter = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("hkmo-xml");

    @Test
    void traditionalTextIsSimplifiedInTheContract() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hkmo-xml/complaint-to-shenzhen.xml"));

        assertThat(complaint.getComplaint().getComplainant().getName()).isEqualTo("黄志强");
        assertThat(complaint.getComplaint().getRespondent().getName()).isEqualTo("深圳市海岸数码科技有限公司");
        assertThat(complaint.getComplaint().getRespondent().getAddress())
                .isEqualTo("深圳市南山区文心五路33号海岸城购物中心三楼");
        assertThat(complaint.getComplaint().getFacts()).startsWith("消费者于2026年10月25日在深圳海岸城门市以港币购买手提电脑");
    }

    @Test
    void contractTextIsTraditionalAgainNatively() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hkmo-xml/complaint-to-shenzhen.xml"));

        String written = new String(adapter.toNative(complaint), StandardCharsets.UTF_8);

        assertThat(written).contains("<FullName>黃志強</FullName>",
                "<TraderName>深圳市海岸數碼科技有限公司</TraderName>",
                "<TraderAddress>深圳市南山區文心五路33號海岸城購物中心三樓</TraderAddress>",
                "<TransactionDate>25/10/2026</TransactionDate>",
                "<AmountPaid currency=\"HKD\">8999.50</AmountPaid>");
    }

    @Test
    void hongKongDollarsStayExact() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hkmo-xml/complaint-to-shenzhen.xml"));

        assertThat(complaint.getComplaint().getPurchase().getAmount().getCurrency()).isEqualTo(Currency.HKD);
        assertThat(complaint.getComplaint().getPurchase().getAmount().getValue()).hasToString("8999.50");
    }

    @Test
    void macaoComplaintAboutAHongKongBusinessCarriesPatacasAndTheRegistrationNumber() {
        ExchangeMessage complaint = adapter.toContract(Samples.bytes("hkmo-xml/complaint-macao-to-hong-kong.xml"));

        Respondent business = complaint.getComplaint().getRespondent();
        assertThat(business.getRegistrationNumber()).isEqualTo("71234567");
        assertThat(business.getCreditCode()).isNull();
        assertThat(business.getDivisionCode()).isEqualTo("810000");
        assertThat(complaint.getComplaint().getPurchase().getAmount().getCurrency()).isEqualTo(Currency.MOP);
        assertThat(complaint.getComplaint().getPurchase().getAmount().getValue()).hasToString("2460.80");
    }

    @Test
    void traderWithoutAnyIdentifierIsRejectedAtTheContractPath() {
        assertThatThrownBy(() -> adapter.toContract(Samples.bytes("hkmo-xml/invalid-complaint-without-trader-id.xml")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("CCHK-XB-20261120-0051");
                    assertThat(e.violations()).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                            "/ExchangeMessage/Complaint/Respondent",
                            "[hkmo-xml to-contract.xsl, native Case/Trader (USCC or BRNo)] "
                                    + "One of CreditCode, RegistrationNumber is required."));
                });
    }

    @Test
    void unknownNatureCodeIsRejectedNamingTableAndValue() {
        byte[] unknownCategory = Samples.text("hkmo-xml/complaint-to-shenzhen.xml")
                .replace("<NatureCode>EA-02</NatureCode>", "<NatureCode>ZZ-99</NatureCode>")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.toContract(unknownCategory))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("CCHK-XB-20261118-0042");
                    assertThat(e.violations()).containsExactly(new Violation(
                            ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, "/",
                            "[hkmo-xml to-contract.xsl] Code table category has no native code 'ZZ-99'."));
                });
    }

    @Test
    void externalEntityIsRefused() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE CouncilMessage [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CouncilMessage xmlns=\"urn:hkmo:consumer-council:cross-boundary-case:1\"><Header>"
                + "<MessageRef>&e;</MessageRef></Header></CouncilMessage>").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> adapter.toContract(xxe))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::code)
                            .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
                    assertThat(e.getMessage()).doesNotContain("root:");
                });
    }

    @Test
    void carriesEveryTypeButReportsAndSaysWhy() {
        assertThat(adapter.messageTypes()).isEqualTo(EnumSet.complementOf(EnumSet.of(MessageKind.REPORT)));
        assertThat(adapter.notCarriedReason(MessageKind.REPORT)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("consumer councils take no reports (举报)", "no enforcement powers"));
        assertThat(adapter.notCarriedReason(MessageKind.COMPLAINT)).isEmpty();
    }

    @Test
    void exhibitsAreReadAsEvidenceItemsWithTheirDigests() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("hkmo-xml/exhibits-receipt-photos-video.xml"));

        assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.EVIDENCE);
        Evidence evidence = message.getEvidence();
        assertThat(evidence.getCaseRef()).isEqualTo("HKCC-2026-118042");
        assertThat(evidence.getItem()).extracting(item -> item.getKind())
                .containsExactly(EvidenceKind.RECEIPT, EvidenceKind.PHOTO, EvidenceKind.VIDEO, EvidenceKind.CHAT_LOG);
        assertThat(evidence.getItem().get(0).getDescription()).isEqualTo("海岸数码海岸城店发票，金额港币8,999.50元");
        assertThat(evidence.getItem().get(0).getSha256())
                .isEqualTo("8c6b7e9be63a28e095a9f48649e9df74de0a1accc9aec0a2a4ff3d3dc4711e1d");
        assertThat(evidence.getItem().get(2).getContentType()).isEqualTo("video/mp4");
        assertThat(evidence.getItem().get(2).getSize()).isEqualTo(186_403_520L);
        assertThat(evidence.getItem().get(2).getClaimCheck()).isEqualTo("evidence/CC-HK/HKCC-2026-118042/3");
        assertThat(evidence.getItem().get(3).getDescription()).isNull();
    }

    @Test
    void interviewRecordIsReadAsInvestigationRecordInSimplifiedChinese() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("hkmo-xml/interview-record-jeweller.xml"));

        InvestigationRecord record = message.getInvestigationRecord();
        assertThat(message.getEnvelope().getCaseRef()).containsExactly("CCMO-2026-0108", "HKCC-2026-119108");
        assertThat(record.getCaseRef()).isEqualTo("HKCC-2026-119108");
        assertThat(record.getInvestigator()).isEqualTo("何家慧");
        assertThat(record.getAuthority()).isEqualTo("CC-HK");
        assertThat(record.getDate()).hasToString("2026-11-20");
        assertThat(record.getPlace()).isEqualTo("香港北角渣华道191号嘉华国际中心22楼 本会会议室");
        assertThat(record.getPerson()).extracting(person -> person.getName() + "/" + person.getRole())
                .containsExactly("梁伟明/被会见人（宝艺珠宝有限公司经理）", "蔡咏诗/记录人");
        assertThat(record.getRecordText()).startsWith("问：消费者陈嘉欣于11月2日网上订购的足金手链")
                .contains("？\n答：");
    }

    @Test
    void conciliationResultIsReadWithTheCouncilsSignature() {
        ExchangeMessage message = adapter.toContract(Samples.bytes("hkmo-xml/conciliation-settled-gold-bracelet.xml"));

        assertThat(message.getEnvelope().getSignature().getAlgorithm()).isEqualTo("ECDSA-P256-SHA256");
        assertThat(message.getEnvelope().getSignature().getKeyId()).isEqualTo("CC-HK/2026-01");
        assertThat(message.getEnvelope().getSignature().getValue()).hasSize(64);
        MediationResult result = message.getMediationResult();
        assertThat(result.getOutcome()).isEqualTo(MediationOutcome.AGREEMENT);
        assertThat(result.getTerms()).isEqualTo("商户于三个工作天内退还货款澳门币2460.80元；消费者退回手链。");
        assertThat(result.getAgreedAmount()).singleElement().satisfies(amount -> {
            assertThat(amount.getCurrency()).isEqualTo(Currency.MOP);
            assertThat(amount.getValue()).hasToString("2460.80");
        });
        assertThat(result.getMediator()).isEqualTo("何家慧");
        assertThat(result.getDate()).hasToString("2026-11-21");
        assertThat(result.getIssuingAuthority()).isEqualTo("CC-HK");
    }

    @Test
    void returnRequestIsReadWithBothOutletsAndTheGoods() {
        ReturnRequest request = adapter.toContract(
                Samples.bytes("hkmo-xml/return-request-causeway-bay-to-nanshan.xml")).getReturnRequest();
        assertThat(store(request.getPurchase().getOriginStore()))
                .isEqualTo("岭南优品南山海岸城店 LNYP-SZ-0305-01 440305");
        assertThat(store(request.getReturnStore())).isEqualTo("岭南优品铜锣湾分店 LNYP-HK-0001-02 810000");
        assertThat(request.getPurchase().getReceiptNumber()).isEqualTo("0305-01-20261114-0562");
        assertThat(request.getPurchase().getDate()).hasToString("2026-11-14");
        assertThat(request.getPurchase().getItem()).singleElement().satisfies(item -> {
            assertThat(item.getName()).isEqualTo("羊毛围巾");
            assertThat(item.getQuantity()).isEqualTo(1);
            assertThat(item.getUnitPrice().getValue()).hasToString("199.00");
        });
        assertThat(request.getReason()).isEqualTo("七日无理由退货：商品未使用，吊牌完好。");
        assertThat(request.getCommitmentId()).isEqualTo("LNYP-7D-2025");
        assertThat(request.getConsumer().getName()).isEqualTo("陈嘉欣");
        assertThat(request.getConsumer().getPhone()).isEqualTo("+852 9123 4567");
        assertThat(request.getCaseRef()).isNull();
    }

    @Test
    void declinedReturnIsReadAsRefusedWithItsGrounds() {
        ReturnDecision decision = adapter.toContract(
                Samples.bytes("hkmo-xml/return-decision-declined-worn-shoes.xml")).getReturnDecision();

        assertThat(decision.getDecision()).isEqualTo(ReturnOutcome.REFUSED);
        assertThat(decision.getReason()).startsWith("鞋底已有明显磨损");
        assertThat(decision.getRefundAmount()).isNull();
        assertThat(decision.getDecidedAt()).hasToString("2026-11-19T11:00+08:00");
    }

    @Test
    void refundSettlementIsReadWithPayerAndPayee() {
        ReturnSettlement settlement = adapter.toContract(
                Samples.bytes("hkmo-xml/refund-settlement-causeway-bay-advanced.xml")).getReturnSettlement();

        assertThat(settlement.getRefundAmount().getCurrency()).isEqualTo(Currency.HKD);
        assertThat(settlement.getRefundAmount().getValue()).hasToString("216.50");
        assertThat(settlement.getDueBy()).hasToString("2026-11-22T16:30+08:00");
        assertThat(store(settlement.getPayer())).isEqualTo("岭南优品南山海岸城店 LNYP-SZ-0305-01 440305");
        assertThat(store(settlement.getPayee())).isEqualTo("岭南优品铜锣湾分店 LNYP-HK-0001-02 810000");
    }

    @Test
    void recognitionMessagesAreWrittenInTheCouncilsTerms() {
        assertThat(written("evidence")).contains("<MessageKind>EXHIBITS</MessageKind>",
                "<ExhibitType>CORRESPONDENCE</ExhibitType>", "<SizeInBytes>482113</SizeInBytes>",
                "<Description>電子發票截圖</Description>",
                "<StorageRef>evidence/SZ-AMR/SZ-TS-20260512-0731/1</StorageRef>");
        assertThat(written("investigation-record")).contains("<MessageKind>INTERVIEW</MessageKind>",
                "<Interviewer>王建國</Interviewer>", "<InterviewDate>18/05/2026</InterviewDate>",
                "<Name>陳美玲</Name>", "<Capacity>記錄人</Capacity>");
        assertThat(written("mediation-result")).contains("<MessageKind>CONCILIATION_RESULT</MessageKind>",
                "<Algorithm>SM2-SM3</Algorithm>", "<KeyRef>SH-PUDONG-AMR/2026-01</KeyRef>", "<Result>SETTLED</Result>",
                "<SettlementTerms>商家於三日內退還貨款2399.00元",
                "<SettlementSum currency=\"CNY\">200.00</SettlementSum>", "<Conciliator>孫麗</Conciliator>",
                "<ConcludedOn>20/05/2026</ConcludedOn>");
    }

    @Test
    void returnMessagesAreWrittenInTheCouncilsTerms() {
        assertThat(written("return-request")).contains("<MessageKind>RETURN_REQUEST</MessageKind>",
                "<PurchaseOutlet>", "<OutletName>嶺南優品天河城店</OutletName>", "<PurchaseDate>10/05/2026</PurchaseDate>",
                "<ItemName>羊毛圍巾</ItemName>", "<UnitPrice currency=\"CNY\">89.50</UnitPrice>",
                "<ReturnReason>七日無理由退貨：商品未使用，吊牌完好。</ReturnReason>",
                "<ReturnPledgeRef>LNYP-7D-2025</ReturnPledgeRef>");
        assertThat(written("return-decision")).contains("<Decision>APPROVED</Decision>",
                "<RefundAmount currency=\"CNY\">487.50</RefundAmount>");
        assertThat(written("return-settlement")).contains("<SettleBy>2026-05-18T16:20:00+08:00</SettleBy>",
                "<PayingOutlet>", "<OutletName>嶺南優品南山海岸城店</OutletName>");
    }

    /** The councils take no reports: the gateway strips the report part before a complaint reaches them. */
    @Test
    void complaintsReportPartIsNotWritten() {
        String written = written("complaint-with-report");

        assertThat(written).contains("<CouncilCaseNo>SZ-TS-20260512-0741</CouncilCaseNo>")
                .doesNotContain("周敏", "13900139000", "多名消費者");
    }

    @Test
    void exhibitWithoutDigestIsRejectedNamingTheNativeField() {
        assertThatThrownBy(() -> adapter.toContract(Samples.bytes("hkmo-xml/invalid-exhibits-without-digest.xml")))
                .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                    assertThat(e.messageId()).hasValue("CCHK-XB-20261121-0011");
                    assertThat(e.violations()).containsExactly(new Violation(ErrorCode.MISSING_FIELD,
                            "/ExchangeMessage/Evidence/Item[2]/Sha256",
                            "[hkmo-xml to-contract.xsl, native Exhibits/Exhibit/Sha256Digest] Sha256 is required."));
                });
    }

    private String written(String contractSample) {
        ExchangeMessage message = ContractCodec.standard().read(Samples.bytes("contract/" + contractSample + ".xml"));
        return new String(adapter.toNative(message), StandardCharsets.UTF_8);
    }

    private static String store(ChainStore store) {
        return store.getName() + " " + store.getStoreCode() + " " + store.getDivisionCode();
    }
}
