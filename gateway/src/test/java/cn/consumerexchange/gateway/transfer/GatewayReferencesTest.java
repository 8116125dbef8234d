package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import cn.consumerexchange.gateway.ExchangeProperties;

class GatewayReferencesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ExchangeProperties DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("exchange", ExchangeProperties.class);

    static String referenceAt(String instant) {
        return new GatewayReferences(DEFAULTS, Clock.fixed(Instant.parse(instant), BEIJING)).next();
    }

    @Test
    void aReferenceIsTheYearTheSecondOfTheYearAndEightRandomCharacters() {
        assertThat(referenceAt("2025-12-31T16:00:00Z")).startsWith("GW-2026-00000").hasSize(21);
        // 2026-01-01 00:00:33 in Beijing: second 33 of the year is "00011" in base 32.
        assertThat(referenceAt("2025-12-31T16:00:33Z")).startsWith("GW-2026-00011");
        // The last second of a leap year, 31,622,399, still fits five characters.
        assertThat(referenceAt("2024-12-31T15:59:59Z")).startsWith("GW-2024-Y517Z");
        assertThat(referenceAt("2026-11-30T08:00:00Z")).matches("GW-2026-[0-9A-HJKMNP-TV-Z]{13}");
    }

    @Test
    void referencesGivenOutLaterSortAfterEarlierOnes() {
        List<String> inOrderOfTime = Stream.of("2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2026-01-01T00:00:32Z",
                "2026-03-15T08:30:00Z", "2026-12-31T15:59:59Z", "2026-12-31T16:00:00Z")
                .map(GatewayReferencesTest::referenceAt)
                .toList();

        assertThat(inOrderOfTime).isSorted();
    }

    @Test
    void referencesOfOneSecondDifferInTheirRandomPart() {
        GatewayReferences references = new GatewayReferences(DEFAULTS,
                Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), BEIJING));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(references.next())).isTrue();
        }
    }

    @Test
    void aGatewayReferenceIsToldFromAPartnersByItsPrefix() {
        GatewayReferences references = new GatewayReferences(DEFAULTS, Clock.system(BEIJING));

        assertThat(references.isGatewayReference(references.next())).isTrue();
        assertThat(references.isGatewayReference("GW-2026-7K3QX9M2PD")).isTrue();
        assertThat(references.isGatewayReference("SZ-20261120-000123")).isFalse();
        assertThat(references.isGatewayReference(null)).isFalse();
    }
}
