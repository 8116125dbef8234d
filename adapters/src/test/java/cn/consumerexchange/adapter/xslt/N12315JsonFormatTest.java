package cn.consumerexchange.adapter.xslt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MediationOutcome;
import cn.consumerexchange.contract.v1.RespondentKind;

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
}
