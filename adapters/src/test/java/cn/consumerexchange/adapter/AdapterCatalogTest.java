package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.xslt.XsltAdapter;
import cn.consumerexchange.adapter.xslt.XsltFormatLoader;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

class AdapterCatalogTest {

    @Test
    void builtInFormatsAreDeclarative() {
        AdapterCatalog catalog = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);

        assertThat(catalog.forFormat("gba-xml")).isInstanceOf(XsltAdapter.class);
        assertThat(catalog.forFormat("hkmo-xml")).isInstanceOf(XsltAdapter.class)
                .extracting(PartnerAdapter::format, PartnerAdapter::mediaType)
                .containsExactly("hkmo-xml", "application/xml");
    }

    /** A partner may still join with a Java adapter of its own, found by ServiceLoader, which wins over files. */
    @Test
    void partnerSuppliedJavaAdapterIsDiscoveredAndWinsOverADeclarativeFormatOfTheSameName() {
        String format = ContractXmlProbeAdapter.FORMAT;
        Map<String, byte[]> files = new HashMap<>();
        FormatSource probeFiles = FormatSource.classpath("");
        for (String file : List.of("to-contract.xsl", "from-contract.xsl", "codes/state.csv")) {
            files.put("formats/" + format + "/" + file, probeFiles.read("formats/probe-xml/" + file).orElseThrow());
        }
        files.put("formats/" + format + "/format.json", ("{\"format\": \"" + format + "\", \"nativeKind\": \"xml\", "
                + "\"mediaType\": \"application/xml\", \"messageTypes\": [\"STATUS_UPDATE\"]}")
                .getBytes(StandardCharsets.UTF_8));
        FormatSource sameName = path -> Optional.ofNullable(files.get(path));
        assertThat(XsltFormatLoader.load(format, sameName)).as("the declarative format it shadows").isPresent();

        PartnerAdapter adapter = AdapterCatalog.discover(sameName).forFormat(format);

        assertThat(adapter).isInstanceOf(ContractXmlProbeAdapter.class);
        assertThat(AdapterCatalog.discover().forFormat(format)).isInstanceOf(ContractXmlProbeAdapter.class);
        ContractCodec codec = ContractCodec.standard();
        ExchangeMessage status = codec.read(Samples.bytes("contract/status-update.xml"));
        assertThat(codec.write(adapter.toContract(adapter.toNative(status)))).isEqualTo(codec.write(status));
    }

    /** The Bay Area cities' systems exchange every kind of message, so their format declares every type. */
    @Test
    void gbaXmlIsDeclarativeAndCarriesEveryType() {
        assertThat(AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("gba-xml").messageTypes())
                .containsExactlyInAnyOrder(MessageKind.values());
    }

    @Test
    void declarativeFormatIsLoadedOnceHoweverManyAskAtOnce() {
        AtomicInteger reads = new AtomicInteger();
        AdapterCatalog catalog = AdapterCatalog.discover(path -> {
            if (path.endsWith("format.json")) {
                reads.incrementAndGet();
            }
            return Samples.BUILT_IN_FORMATS.read(path);
        });

        List<PartnerAdapter> adapters = IntStream.range(0, 8).parallel()
                .mapToObj(i -> catalog.forFormat("hlj-csv")).toList();

        assertThat(adapters).allSatisfy(adapter -> assertThat(adapter).isSameAs(adapters.get(0)));
        assertThat(reads).hasValue(1);
    }

    @Test
    void unknownFormatIsNamed() {
        assertThatThrownBy(() -> AdapterCatalog.discover(Samples.BUILT_IN_FORMATS).forFormat("acme-xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme-xml");
    }

    @Test
    void formatNameCannotLeaveTheFormatsDirectory() {
        AdapterCatalog catalog = AdapterCatalog.discover(path -> {
            throw new AssertionError("asked for " + path);
        });

        assertThatThrownBy(() -> catalog.forFormat("../formats/hkmo-xml"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenFormatIsTriedAgainOnceFixed() {
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        FormatSource probeFiles = FormatSource.classpath("");
        for (String file : List.of("to-contract.xsl", "from-contract.xsl", "codes/state.csv")) {
            files.put("formats/mini-xml/" + file, probeFiles.read("formats/probe-xml/" + file).orElseThrow());
        }
        files.put("formats/mini-xml/format.json", "{\"format\": \"mini-xml\"}".getBytes(StandardCharsets.UTF_8));
        AdapterCatalog catalog = AdapterCatalog.discover(path -> Optional.ofNullable(files.get(path)));

        assertThatThrownBy(() -> catalog.forFormat("mini-xml"))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e)
                        .hasMessage("formats/mini-xml/format.json: \"nativeKind\" is required"));

        files.put("formats/mini-xml/format.json", ("{\"format\": \"mini-xml\", \"nativeKind\": \"xml\", "
                + "\"mediaType\": \"application/xml\", \"messageTypes\": [\"STATUS_UPDATE\"]}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(catalog.forFormat("mini-xml").messageTypes()).containsExactly(MessageKind.STATUS_UPDATE);
    }
}
