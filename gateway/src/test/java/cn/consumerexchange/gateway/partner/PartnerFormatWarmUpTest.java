package cn.consumerexchange.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;

class PartnerFormatWarmUpTest {

    final AtomicInteger descriptorReads = new AtomicInteger();
    final FormatSource builtIn = FormatSource.classpath("seeds");
    final AdapterCatalog catalog = AdapterCatalog.discover(path -> {
        if (path.endsWith("format.json")) {
            descriptorReads.incrementAndGet();
        }
        return builtIn.read(path);
    });

    @Test
    void formatsAreLoadedOnceAtStartAndReusedByTheFirstMessage() {
        assertThat(PartnerFormatWarmUp.load(catalog, List.of("gba-xml", "hkmo-xml"))).isEmpty();
        assertThat(descriptorReads).hasValue(2);

        catalog.forFormat("gba-xml");

        assertThat(descriptorReads).hasValue(2);
    }

    @Test
    void formatThatDoesNotLoadIsNamedAndDoesNotStopTheOthers() {
        assertThat(PartnerFormatWarmUp.load(catalog, List.of("acme-xml", "gba-xml"))).containsExactly("acme-xml");
        assertThat(catalog.forFormat("gba-xml").format()).isEqualTo("gba-xml");
    }
}
