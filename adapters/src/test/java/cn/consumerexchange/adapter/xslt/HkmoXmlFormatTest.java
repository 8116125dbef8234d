package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Respondent;

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
}
