package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.yrd.YrdJsonAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

class AdapterRoundTripTest {

    final AdapterCatalog catalog = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);
    final ContractCodec codec = ContractCodec.standard();

    static byte[] sample(String path) {
        return Samples.bytes(path);
    }

    @Test
    void catalogFindsBothBuiltInFormats() {
        assertThat(catalog.forFormat("yrd-json")).isInstanceOf(YrdJsonAdapter.class);
        assertThatThrownBy(() -> catalog.forFormat("csv-batch")).hasMessageContaining("csv-batch");
    }

    @Nested
    class YrdJson {

        final PartnerAdapter adapter = catalog.forFormat("yrd-json");

        @Test
        void statusReadsIntoTheContract() {
            ExchangeMessage message = adapter.toContract(sample("yrd-json/status-accepted.json"));

            assertThat(message.getEnvelope().getMessageType()).isEqualTo(MessageKind.STATUS_UPDATE);
            assertThat(message.getStatusUpdate().getState()).isEqualTo(CaseState.ACCEPTED);
            assertThat(message.getStatusUpdate().getCaseRef()).isEqualTo("GW-2026-REPLACEME0");
            assertThat(message.getStatusUpdate().getBy()).isEqualTo("SAMR-SH");
        }

        @Test
        void complaintFromAnotherFormatSurvivesTheJsonRoundTrip() {
            ExchangeMessage fromShenzhen = catalog.forFormat("gba-xml")
                    .toContract(sample("gba-xml/complaint-to-shanghai.xml"));

            byte[] json = adapter.toNative(fromShenzhen);
            ExchangeMessage again = adapter.toContract(json);

            assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"amount\":\"1299.00\"");
            assertThat(again.getComplaint().getPurchase().getAmount().getValue())
                    .isEqualTo(new BigDecimal("1299.00"));
            assertThat(codec.write(again)).isEqualTo(codec.write(fromShenzhen));
        }

        @Test
        void notJsonIsUntranslatable() {
            assertThatThrownBy(() -> adapter.toContract("<xml/>".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(UntranslatableMessageException.class)
                    .hasMessageContaining("Not valid JSON");
        }
    }
}
