package cn.consumerexchange.gateway.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The commitment registry as the seeds fill it, and the checks that keep a wrong entry out. */
class CommitmentRegistryTest {

    private final CommitmentRegistry registry = ReturnSeeds.registry();

    @Test
    void theSeedsHaveFirmsWithStoresInTheRegionsThatCommittedToCrossStoreReturns() {
        assertThat(registry.firms()).extracting(ChainFirm::id).contains("LNYP", "HPSH", "JNLP", "BLJX");
        assertThat(registry.firms()).flatExtracting(ChainFirm::stores).extracting(store -> store.division()
                .substring(0, 2)).contains("44", "31", "32", "23", "81", "82");
        assertThat(registry.firms()).allSatisfy(firm -> assertThat(firm.commitment().periodDays())
                .isGreaterThanOrEqualTo(ReturnCommitment.MINIMUM_PERIOD_DAYS));
    }

    @Test
    void aReturnTakenInJiangsuFallsUnderTheFortyEightHourFund() {
        ChainFirm firm = registry.byCommitment("HPSH-7D-2026").orElseThrow();

        assertThat(registry.schemeFor(firm, firm.store("HPSH-JS-0102-01").orElseThrow()))
                .get().satisfies(scheme -> {
                    assertThat(scheme.id()).isEqualTo("JS-ADV-48H");
                    assertThat(scheme.refundWithinHours()).isEqualTo(48);
                });
        assertThat(registry.schemeFor(firm, firm.store("HPSH-SH-0101-02").orElseThrow())).isEmpty();
    }

    @Test
    void storesInHongKongAndMacaoRefundInTheirOwnCurrency() {
        ChainFirm firm = registry.byStore("LNYP-HK-0001-02").orElseThrow();

        assertThat(firm.store("LNYP-HK-0001-02").orElseThrow().currency()).isEqualTo("HKD");
        assertThat(firm.store("LNYP-MO-0001-01").orElseThrow().currency()).isEqualTo("MOP");
        assertThat(firm.store("LNYP-SZ-0305-01").orElseThrow().currency()).isEqualTo("CNY");
    }

    @Test
    void aCommitmentShorterThanSevenDaysStopsTheLoad() {
        assertThatThrownBy(() -> ReturnSeeds.registry(firm("91440106MA5CLNYP1T", 5, "440106")))
                .hasMessageContaining("at least 7");
    }

    @Test
    void aWrongCheckCharacterStopsTheLoad() {
        assertThatThrownBy(() -> ReturnSeeds.registry(firm("91440106MA5CLNYP1A", 7, "440106")))
                .hasMessageContaining("GB 32100");
    }

    @Test
    void anUnknownDivisionStopsTheLoad() {
        assertThatThrownBy(() -> ReturnSeeds.registry(firm("91440106MA5CLNYP1T", 7, "449999")))
                .hasMessageContaining("449999");
    }

    private static String firm(String creditCode, int periodDays, String division) {
        return """
                {"schemes": [], "firms": [{"id": "F", "name": "某某商贸有限公司", "brand": "某某", "creditCode": "%s",
                  "commitment": {"id": "F-7D", "periodDays": %d, "refundWithinHours": 72, "excludedGoods": []},
                  "schemes": [], "stores": [{"code": "F-1", "name": "某某一店", "division": "%s", "address": "某路1号"}]}]}
                """.formatted(creditCode, periodDays, division);
    }
}
