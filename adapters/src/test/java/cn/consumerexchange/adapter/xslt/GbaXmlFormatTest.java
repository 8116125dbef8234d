package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ConsumerRequest;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.EvidenceKind;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.ReturnOutcome;

/** The Greater Bay Area cities' format (粤港澳大湾区内地城市): every message type, both directions. */
class GbaXmlFormatTest {

    final PartnerAdapter adapter = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("gba-xml");
    final ContractCodec codec = ContractCodec.standard();

    ExchangeMessage read(String sample) {
        return adapter.toContract(Samples.bytes("gba-xml/" + sample));
    }

    String written(String contractSample) {
        return new String(adapter.toNative(codec.read(Samples.bytes("contract/" + contractSample))),
                StandardCharsets.UTF_8);
    }

    @Test
    void isDeclarativeAndCarriesEveryType() {
        assertThat(adapter).isInstanceOf(XsltAdapter.class);
        assertThat(adapter.messageTypes()).containsExactlyInAnyOrder(MessageKind.values());
    }

    @Nested
    class Complaint {

        @Test
        void sampleComplaintReadsIntoTheContract() {
            ExchangeMessage message = read("complaint-to-shanghai.xml");

            assertThat(message.getEnvelope().getMessageId()).isEqualTo("SZ-20261120-000123");
            assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.COMPLAINT);
            assertThat(message.getEnvelope().getSender()).isEqualTo("SAMR-GD-SZ");
            assertThat(message.getComplaint().getRespondent().getDivisionCode()).isEqualTo("310115");
            assertThat(message.getComplaint().getComplainant().getName()).isEqualTo("陈晓明");
            assertThat(message.getComplaint().getPurchase().getAmount().getValue()).isEqualByComparingTo("1299.00");
            assertThat(message.getComplaint().getPurchase().getAmount().getCurrency()).isEqualTo(Currency.CNY);
            assertThat(message.getComplaint().getRequests().getRequest()).containsExactly(ConsumerRequest.REFUND);
            assertThat(message.getComplaint().getReport()).isNull();
        }

        @Test
        void complaintSurvivesNativeRoundTrip() {
            ExchangeMessage original = read("complaint-to-shanghai.xml");

            ExchangeMessage again = adapter.toContract(adapter.toNative(original));

            assertThat(codec.write(again)).isEqualTo(codec.write(original));
        }

        @Test
        void theRespondentsDomicileAndItsPlatformsDomicileSurviveNativeRoundTrip() {
            ExchangeMessage original = read("complaint-to-shanghai.xml");
            original.getComplaint().getRespondent().setDomicileDivisionCode("440106");
            original.getComplaint().getRespondent().setPlatformDivisionCode("330110");

            byte[] written = adapter.toNative(original);
            ExchangeMessage again = adapter.toContract(written);

            assertThat(new String(written, StandardCharsets.UTF_8))
                    .contains("<domicile-area-code>440106</domicile-area-code>",
                            "<platform-area-code>330110</platform-area-code>");
            assertThat(again.getComplaint().getRespondent().getDomicileDivisionCode()).isEqualTo("440106");
            assertThat(again.getComplaint().getRespondent().getPlatformDivisionCode()).isEqualTo("330110");
        }

        @Test
        void reportLodgedWithTheComplaintIsItsReportPart() {
            ExchangeMessage message = read("complaint-with-report-to-shanghai.xml");

            assertThat(message.getComplaint().getRequests().getRequest())
                    .containsExactly(ConsumerRequest.RETURN, ConsumerRequest.COMPENSATION);
            assertThat(message.getComplaint().getReport().getReporter().getName()).isEqualTo("周敏");
            assertThat(message.getComplaint().getReport().getReporter().getIdNumber())
                    .isEqualTo("440305198805054321");
            assertThat(message.getComplaint().getReport().getClues()).startsWith("该门店对多名消费者");
        }

        @Test
        void reportPartIsWrittenInsideTheComplaint() {
            assertThat(written("complaint-with-report.xml")).contains("<demands>REFUND COMPENSATION</demands>",
                    "<report>", "<reporter name=\"周敏\" mobile=\"13900139000\" id-card=\"440305198805054321\"/>",
                    "<clues>该商城对多名消费者");
        }

        @Test
        void codesAreReadWhateverTheirCase() {
            ExchangeMessage message = adapter.toContract(Samples.text("gba-xml/complaint-to-shanghai.xml")
                    .replace("channel=\"OFFLINE\"", "channel=\"offline\"")
                    .replace("<demands>REFUND</demands>", "<demands>refund\n repair</demands>")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(message.getComplaint().getRequests().getRequest())
                    .containsExactly(ConsumerRequest.REFUND, ConsumerRequest.REPAIR);
        }

        @Test
        void timeWithoutSecondsIsReadWithZeroSeconds() {
            ExchangeMessage message = adapter.toContract(Samples.text("gba-xml/complaint-to-shanghai.xml")
                    .replace("2026-11-20T10:15:00+08:00", "2026-11-20T10:15+08:00")
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(message.getEnvelope().getSentAt()).hasToString("2026-11-20T10:15+08:00");
            assertThat(new String(codec.write(message), StandardCharsets.UTF_8))
                    .contains("<SentAt>2026-11-20T10:15:00+08:00</SentAt>");
        }

        @Test
        void unreadableValueNamesItsNativeFieldAndKeepsTheMessageId() {
            byte[] badDate = Samples.text("gba-xml/complaint-to-shanghai.xml")
                    .replace("date=\"2026-10-02\"", "date=\"02/10/2026\"").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter.toContract(badDate))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.messageId()).hasValue("SZ-20261120-000123");
                        assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.path()).isEqualTo("/ExchangeMessage/Complaint/Purchase/Date");
                            assertThat(violation.reason())
                                    .startsWith("[gba-xml to-contract.xsl, native complaint/purchase/@date] ");
                        });
                    });
        }

        @Test
        void doctypeIsRefusedBeforeAnyEntityIsRead() {
            byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<gba-message type=\"complaint\"><header><msg-id>&e;</msg-id></header></gba-message>")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter.toContract(xxe))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.violations()).extracting(Violation::code)
                                .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
                        assertThat(e.messageId()).isEmpty();
                    });
        }
    }

    @Nested
    class Report {

        @Test
        void reportReadsIntoItsOwnCase() {
            ExchangeMessage message = read("report-to-shanghai.xml");

            assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.REPORT);
            assertThat(message.getEnvelope().getReceiver()).isEqualTo("SAMR-SH");
            assertThat(message.getReport().getOriginCaseNumber()).isEqualTo("SZ12315-JB-2026-000135");
            assertThat(message.getReport().getReporter().getPhone()).isEqualTo("13900139000");
            assertThat(message.getReport().getReporter().getIdNumber()).isNull();
            assertThat(message.getReport().getRespondent().getCreditCode()).isEqualTo("91310115MA1K3P8Q2W");
            assertThat(message.getReport().getClues()).contains("3C认证");
            assertThat(message.getReport().getReceivingAuthority()).isEqualTo("SAMR-GD-SZ");
        }

        @Test
        void reportIsWrittenWithTheComplaintsBusinessElements() {
            assertThat(written("report.xml")).contains("type=\"report\"", "<case-no>SZ-TS-20260512-0741</case-no>",
                    "<reporter name=\"周敏\"", "<uscc>91310115MA1H8Q6T2C</uscc>",
                    "<kind>SELF_RUN_ONLINE_SHOP</kind>", "<received-time>2026-05-12T09:12:00+08:00</received-time>");
        }
    }

    @Nested
    class Evidence {

        @Test
        void evidenceItemsReadWithTheirDigestsAndClaimChecks() {
            ExchangeMessage message = read("evidence-receipt-photos.xml");

            assertThat(message.getEvidence().getCaseRef()).isEqualTo("SZ12315-2026-000123");
            assertThat(message.getEvidence().getItem()).extracting(EvidenceItem::getKind, EvidenceItem::getSize,
                    EvidenceItem::getDescription, EvidenceItem::getClaimCheck).containsExactly(
                            tuple(EvidenceKind.RECEIPT, 482113L, "门店销售小票",
                                    "evidence/SAMR-GD-SZ/SZ12315-2026-000123/1"),
                            tuple(EvidenceKind.PHOTO, 2215840L, "电饭煲铭牌",
                                    "evidence/SAMR-GD-SZ/SZ12315-2026-000123/2"),
                            tuple(EvidenceKind.PHOTO, 1987302L, null, "evidence/SAMR-GD-SZ/SZ12315-2026-000123/3"));
            assertThat(message.getEvidence().getItem().get(0).getSha256())
                    .isEqualTo("0864685ab1e0fce174eb66908960dcb7bb795759829f3aba8655dc03d469e631");
        }

        @Test
        void evidenceItemsAreWrittenAsAttributes() {
            assertThat(written("evidence.xml")).contains("type=\"evidence\"",
                    "<evidence case=\"SZ-TS-20260512-0731\">",
                    "<item kind=\"RECEIPT\" content-type=\"image/jpeg\" size=\"482113\" "
                            + "sha256=\"3ccf4bb91f96e3c1d8e06f01c71a7650b8c793674874098655204e46f8817235\">",
                    "<claim-check>evidence/SZ-AMR/SZ-TS-20260512-0731/2</claim-check>");
        }

        @Test
        void itemWithoutDigestIsMissingTheNativeField() {
            assertThatThrownBy(() -> read("invalid-evidence-item-without-digest.xml"))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.messageId()).hasValue("SZ-20261120-000125");
                        assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.code()).isEqualTo(ErrorCode.MISSING_FIELD);
                            assertThat(violation.path()).isEqualTo("/ExchangeMessage/Evidence/Item/Sha256");
                            assertThat(violation.reason())
                                    .startsWith("[gba-xml to-contract.xsl, native evidence/item/@sha256] ");
                        });
                    });
        }
    }

    @Nested
    class Recognition {

        @Test
        void investigationRecordKeepsPersonsAndTheRecordsLines() {
            ExchangeMessage message = read("investigation-record-guangzhou.xml");

            var record = message.getInvestigationRecord();
            assertThat(message.getEnvelope().getCaseRef())
                    .containsExactly("HL12315-2026-008841", "GZ12315-2026-004417");
            assertThat(record.getCaseRef()).isEqualTo("GZ12315-2026-004417");
            assertThat(record.getInvestigator()).isEqualTo("梁志伟");
            assertThat(record.getAuthority()).isEqualTo("SAMR-GD-GZ");
            assertThat(record.getDate()).hasToString("2026-11-21");
            assertThat(record.getPerson()).extracting(p -> p.getName() + "/" + p.getRole())
                    .containsExactly("何嘉欣/被询问人（客服经理）", "黄俊杰/记录人");
            assertThat(record.getRecordText()).startsWith("问：").contains("\n答：");
        }

        @Test
        void mediationResultKeepsTheIssuersSealAndEveryAmount() {
            ExchangeMessage message = read("mediation-agreement-signed.xml");

            assertThat(message.getEnvelope().getSignature().getAlgorithm()).isEqualTo("SM2-SM3");
            assertThat(message.getEnvelope().getSignature().getKeyId()).isEqualTo("SAMR-GD-GZ/2026-01");
            assertThat(message.getEnvelope().getSignature().getValue()).hasSize(64);
            assertThat(message.getMediationResult().getOutcome()).isEqualTo(MediationOutcome.AGREEMENT);
            assertThat(message.getMediationResult().getAgreedAmount()).extracting(m -> m.getValue().toPlainString())
                    .containsExactly("1688.00", "500.00");
            assertThat(message.getMediationResult().getMediator()).isEqualTo("林晓燕");
            assertThat(message.getMediationResult().getIssuingAuthority()).isEqualTo("SAMR-GD-GZ");
        }

        @Test
        void mediationResultIsWrittenWithItsSignature() {
            assertThat(written("mediation-result.xml")).contains("type=\"mediation\"",
                    "<signature algorithm=\"SM2-SM3\" key-id=\"SH-PUDONG-AMR/2026-01\">VatCQdHUxp4c",
                    "<mediation case=\"PD-2026-05-01877\" outcome=\"AGREEMENT\" mediator=\"孙丽\" date=\"2026-05-20\" "
                            + "authority=\"SH-PUDONG-AMR\">",
                    "<agreed-amount currency=\"CNY\">200.00</agreed-amount>");
        }

        @Test
        void investigationRecordIsWritten() {
            assertThat(written("investigation-record.xml")).contains("type=\"investigation\"",
                    "<investigation case=\"PD-2026-05-01877\" authority=\"SH-PUDONG-AMR\" investigator=\"王建国\" "
                            + "date=\"2026-05-18\">",
                    "<person name=\"陈美玲\" role=\"被询问人（客服主管）\"/>");
        }
    }

    @Nested
    class Status {

        @Test
        void statusReadsWithItsNote() {
            ExchangeMessage message = read("status-in-mediation.xml");

            assertThat(message.getStatusUpdate().getCaseRef()).isEqualTo("HL12315-2026-008841");
            assertThat(message.getStatusUpdate().getState()).isEqualTo(CaseState.IN_MEDIATION);
            assertThat(message.getStatusUpdate().getBy()).isEqualTo("SAMR-GD-GZ");
            assertThat(message.getStatusUpdate().getNote()).contains("GZ12315-2026-004417");
        }
    }

    @Nested
    class Returns {

        @Test
        void returnRequestReadsBothStoresAndEveryItem() {
            var request = read("return-request-tianhe-to-nanshan.xml").getReturnRequest();

            assertThat(request.getCaseRef()).isNull();
            assertThat(request.getCommitmentId()).isEqualTo("LNYP-7D-2025");
            assertThat(request.getPurchase().getOriginStore().getStoreCode()).isEqualTo("LNYP-GZ-0106-03");
            assertThat(request.getPurchase().getOriginStore().getDivisionCode()).isEqualTo("440106");
            assertThat(request.getPurchase().getReceiptNumber()).isEqualTo("0106-03-20261115-2204");
            assertThat(request.getPurchase().getItem()).extracting(item -> item.getName(),
                    item -> item.getQuantity(), item -> item.getUnitPrice().getValue().toPlainString())
                    .containsExactly(tuple("羊毛围巾", 2, "199.00"), tuple("保温杯 500ml", 1, "89.50"));
            assertThat(request.getPurchase().getAmount().getValue()).hasToString("487.50");
            assertThat(request.getReturnStore().getName()).isEqualTo("岭南优品南山海岸城店");
            assertThat(request.getConsumer().getName()).isEqualTo("林晓雯");
            assertThat(request.getConsumer().getPhone()).isEqualTo("13760012345");
        }

        @Test
        void returnDecisionAndSettlementRead() {
            var decision = read("return-decision-accepted.xml").getReturnDecision();
            var settlement = read("return-settlement-advance-refund.xml").getReturnSettlement();

            assertThat(decision.getDecision()).isEqualTo(ReturnOutcome.ACCEPTED);
            assertThat(decision.getRefundAmount().getValue()).hasToString("487.50");
            assertThat(decision.getReason()).contains("七日无理由");
            assertThat(settlement.getCaseRef()).isEqualTo(decision.getCaseRef());
            assertThat(settlement.getPayer().getStoreCode()).isEqualTo("LNYP-GZ-0106-03");
            assertThat(settlement.getPayee().getStoreCode()).isEqualTo("LNYP-SZ-0305-01");
            assertThat(settlement.getDueBy()).hasToString("2026-11-21T16:20+08:00");
        }

        @Test
        void returnMessagesAreWritten() {
            assertThat(written("return-request.xml")).contains("type=\"return-request\"",
                    "<return-request commitment=\"LNYP-7D-2025\">",
                    "<purchase receipt-no=\"0106-03-20260510-1187\" date=\"2026-05-10\">",
                    "<origin-store name=\"岭南优品天河城店\" code=\"LNYP-GZ-0106-03\" area-code=\"440106\"/>",
                    "<item name=\"羊毛围巾\" quantity=\"2\">", "<unit-price currency=\"CNY\">199.00</unit-price>",
                    "<consumer name=\"林晓雯\" mobile=\"13760012345\"/>");
            assertThat(written("return-decision.xml")).contains(
                    "<return-decision case=\"GZ-TH-20260516-0007\" decision=\"ACCEPTED\" "
                            + "time=\"2026-05-16T16:02:00+08:00\">");
            assertThat(written("return-settlement.xml")).contains(
                    "<payee name=\"岭南优品南山海岸城店\" code=\"LNYP-SZ-0305-01\" area-code=\"440305\"/>");
        }
    }

    @Nested
    class Answers {

        @Test
        void acknowledgementIsAnAcceptedReceipt() {
            assertThat(written("acknowledgement.xml")).contains("type=\"receipt\"",
                    "<receipt for=\"SZ-AMR:20260512:000731\" result=\"ACCEPTED\" gateway-ref=\"GW-20260512-000184\"");
        }

        @Test
        void rejectionIsARejectedReceiptWithEveryError() {
            assertThat(written("rejection.xml")).contains("type=\"receipt\"",
                    "<receipt for=\"GZ-AMR-20260513-0099\" result=\"REJECTED\"",
                    "<error code=\"INVALID_CREDIT_CODE\" path=\"/ExchangeMessage/Complaint/Respondent/CreditCode\">"
                            + "The check character should be H, not 8.</error>",
                    "<error code=\"DATE_IN_FUTURE\"");
        }

        /** Receipts are the gateway's own answers: a city that sends one back is told, not acknowledged. */
        @Test
        void receiptIsNotReadAndTheTypeIsNotEchoed() {
            byte[] receipt = written("acknowledgement.xml").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter.toContract(receipt))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.messageId()).hasValue("GW:20260512:ACK:000731");
                        assertThat(e.violations()).singleElement().satisfies(violation -> {
                            assertThat(violation.code()).isEqualTo(ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE);
                            assertThat(violation.reason()).contains("complaint, evidence", "(/gba-message/@type)")
                                    .doesNotContain("receipt");
                        });
                    });
        }

        @Test
        void messageWithoutHeaderIsUntranslatable() {
            assertThatThrownBy(() -> adapter.toContract("<gba-message/>".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> assertThat(e.violations())
                            .extracting(Violation::code, Violation::reason).containsExactly(tuple(
                                    ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE,
                                    "[gba-xml to-contract.xsl] Expected <gba-message> with a <header>.")));
        }
    }
}
