package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.GatewayTestSupport;

class ReceiverCopyTest {

    static final AdapterCatalog FORMATS = AdapterCatalog.discover(FormatSource.classpath("seeds"));
    static final PartnerAdapter SHENZHEN = FORMATS.forFormat("gba-xml");
    static final PartnerAdapter SHANGHAI = FORMATS.forFormat("yrd-json");
    static final String GATEWAY_REF = "GW-2026-000042";

    @Test
    void theCopyIsWhatDeliveryWouldWriteFromTheAddressedMessage() {
        ExchangeMessage addressed = complaint();
        ReceiverCopy.address(addressed, "SAMR-SH", GATEWAY_REF);

        ReceiverCopy copy = ReceiverCopy.write(SHANGHAI, complaint(), "SAMR-SH", GATEWAY_REF);

        assertThat(copy.format()).isEqualTo("yrd-json");
        assertThat(copy.type()).isEqualTo(MessageKind.COMPLAINT);
        assertThat(new String(copy.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(SHANGHAI.toNative(addressed), StandardCharsets.UTF_8))
                .contains("\"toOrg\":\"SAMR-SH\"", GATEWAY_REF);
    }

    @Test
    void theMessageIsLeftAsTheSenderSentIt() {
        ExchangeMessage message = complaint();
        String sentTo = message.getEnvelope().getReceiver();
        List<String> caseRefs = List.copyOf(message.getEnvelope().getCaseRef());

        ReceiverCopy.write(SHANGHAI, message, "SAMR-SH", GATEWAY_REF);

        assertThat(message.getEnvelope().getReceiver()).isEqualTo(sentTo);
        assertThat(message.getEnvelope().getCaseRef()).isEqualTo(caseRefs);
    }

    @Test
    void theMessageIsLeftAsTheSenderSentItWhenTheFormatCannotWriteIt() {
        ExchangeMessage message = complaint();
        String sentTo = message.getEnvelope().getReceiver();
        // The consumer councils' format carries no reports.
        message.getEnvelope().setMessageType(MessageKind.REPORT);
        PartnerAdapter councils = FORMATS.forFormat("hkmo-xml");

        assertThatThrownBy(() -> ReceiverCopy.write(councils, message, "HKCC", GATEWAY_REF))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(message.getEnvelope().getReceiver()).isEqualTo(sentTo);
        assertThat(message.getEnvelope().getCaseRef()).doesNotContain(GATEWAY_REF);
    }

    @Test
    void aReferenceTheMessageCarriesIsNotAddedTwice() {
        ExchangeMessage message = complaint();
        message.getEnvelope().getCaseRef().add(GATEWAY_REF);

        assertThat(ReceiverCopy.address(message, "SAMR-SH", GATEWAY_REF)).isFalse();
        assertThat(message.getEnvelope().getCaseRef()).containsOnlyOnce(GATEWAY_REF);
    }

    private static ExchangeMessage complaint() {
        return SHENZHEN.toContract(GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .getBytes(StandardCharsets.UTF_8));
    }
}
