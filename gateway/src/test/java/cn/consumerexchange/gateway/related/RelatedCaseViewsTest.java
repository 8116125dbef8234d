package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.consumerexchange.gateway.GatewayTestSupport;

/** A flag keeps its count and the newest of the complaints it counted, however many it counted. */
class RelatedCaseViewsTest {

    private final RelatedCaseViews views = new RelatedCaseViews(JdbcClient.create(GatewayTestSupport.migratedLedger()));

    @Test
    void aBurstKeepsItsCountAndTheNewestComplaintsCounted() {
        List<String> counted = IntStream.rangeClosed(1, AdvisoryFlags.COUNT_CAP)
                .mapToObj(n -> "GW-2026-BURST%03d".formatted(AdvisoryFlags.COUNT_CAP - n)).toList();
        AdvisoryFlag burst = new AdvisoryFlag(AdvisoryFlag.Kind.RESPONDENT_BURST, counted.size(), Duration.ofHours(24),
                counted, "at least 200 complaints");
        AdvisoryFlag phone = new AdvisoryFlag(AdvisoryFlag.Kind.SHARED_PHONE, 3, Duration.ofDays(90),
                List.of("GW-3", "GW-2", "GW-1"), "3 complainants");

        views.recordFlags("GW-2026-BURST199", List.of(burst, phone), Instant.parse("2026-05-12T01:00:00Z"));

        List<RelatedCaseViews.Flag> flags = views.of("GW-2026-BURST199", Locale.ENGLISH).flags();
        assertThat(flags).filteredOn(flag -> flag.kind() == AdvisoryFlag.Kind.RESPONDENT_BURST).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.count()).isEqualTo(AdvisoryFlags.COUNT_CAP);
                    assertThat(flag.countedRefs()).containsExactlyElementsOf(
                            counted.subList(0, RelatedCaseViews.COUNTED_REFS_KEPT));
                });
        assertThat(flags).filteredOn(flag -> flag.kind() == AdvisoryFlag.Kind.SHARED_PHONE).singleElement()
                .satisfies(flag -> assertThat(flag.countedRefs()).containsExactly("GW-3", "GW-2", "GW-1"));
    }
}
