package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.gba.GbaXmlAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.v1.ConsumerRequest;
import cn.consumerexchange.contract.v1.Currency;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

class AdapterRoundTripTest {

    final AdapterCatalog catalog = AdapterCatalog.discover();
    final ContractCodec codec = ContractCodec.standard();

    static byte[] sample(String path) {
        return Samples.bytes(path);
    }

    @Test
    void catalogFindsTheBuiltInJavaAdapter() {
        assertThat(catalog.forFormat("gba-xml")).isInstanceOf(GbaXmlAdapter.class);
        assertThatThrownBy(() -> catalog.forFormat("csv-batch")).hasMessageContaining("csv-batch");
    }

    @Nested
    class GbaXml {

        final PartnerAdapter adapter = catalog.forFormat("gba-xml");

        @Test
        void sampleComplaintReadsIntoTheContract() {
            ExchangeMessage message = adapter.toContract(sample("gba-xml/complaint-to-shanghai.xml"));

            assertThat(message.getEnvelope().getMessageId()).isEqualTo("SZ-20261120-000123");
            assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.COMPLAINT);
            assertThat(message.getEnvelope().getSender()).isEqualTo("SAMR-GD-SZ");
            assertThat(message.getComplaint().getRespondent().getDivisionCode()).isEqualTo("310115");
            assertThat(message.getComplaint().getComplainant().getName()).isEqualTo("陈晓明");
            assertThat(message.getComplaint().getPurchase().getAmount().getValue()).isEqualByComparingTo("1299.00");
            assertThat(message.getComplaint().getPurchase().getAmount().getCurrency()).isEqualTo(Currency.CNY);
            assertThat(message.getComplaint().getRequests().getRequest()).containsExactly(ConsumerRequest.REFUND);
            assertThat(codec.read(codec.write(message)).getComplaint().getFacts())
                    .isEqualTo(message.getComplaint().getFacts());
        }

        @Test
        void complaintSurvivesNativeRoundTrip() {
            ExchangeMessage original = adapter.toContract(sample("gba-xml/complaint-to-shanghai.xml"));

            ExchangeMessage again = adapter.toContract(adapter.toNative(original));

            assertThat(codec.write(again)).isEqualTo(codec.write(original));
        }

        @Test
        void doctypeIsRefusedBeforeAnyEntityIsRead() {
            byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<gba-message type=\"complaint\"><header><msg-id>&e;</msg-id></header></gba-message>")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter.toContract(xxe))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.violations()).extracting(v -> v.code())
                                .containsExactly(ErrorCode.FORBIDDEN_XML_CONSTRUCT);
                        assertThat(e.messageId()).isEmpty();
                    });
        }

        @Test
        void unreadableValueNamesItsNativePathAndKeepsTheMessageId() {
            byte[] badDate = new String(sample("gba-xml/complaint-to-shanghai.xml"), StandardCharsets.UTF_8)
                    .replace("date=\"2026-10-02\"", "date=\"02/10/2026\"").getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> adapter.toContract(badDate))
                    .isInstanceOfSatisfying(UntranslatableMessageException.class, e -> {
                        assertThat(e.messageId()).hasValue("SZ-20261120-000123");
                        assertThat(e.violations().get(0).path()).isEqualTo("/gba-message/complaint/purchase/@date");
                    });
        }
    }
}
