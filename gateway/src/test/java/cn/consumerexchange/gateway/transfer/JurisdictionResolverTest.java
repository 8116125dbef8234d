package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;

class JurisdictionResolverTest {

    static Partner partner(String code, String... divisions) {
        return new Partner(code, "SAMR-" + code, code, List.of(divisions), "gba-xml", Transport.JMS,
                "in", "replies", "out", null, true, null, null, null, null);
    }

    final JurisdictionResolver resolver = new JurisdictionResolver(List.of(
            partner("GD", "440000"),
            partner("SZ", "440300"),
            partner("NS", "440305"),
            partner("SH", "310000")));

    @Test
    void mostSpecificCoverageWins() {
        assertThat(resolver.partnerFor("440305")).map(Partner::code).hasValue("NS");
        assertThat(resolver.partnerFor("440304")).map(Partner::code).hasValue("SZ");
        assertThat(resolver.partnerFor("440106")).map(Partner::code).hasValue("GD");
    }

    @Test
    void excludedPartnersArePassedOverForTheNextMostSpecific() {
        assertThat(resolver.partnerFor("440305", Set.of("NS"))).map(Partner::code).hasValue("SZ");
        assertThat(resolver.partnerFor("440305", Set.of("NS", "SZ"))).map(Partner::code).hasValue("GD");
        assertThat(resolver.partnerFor("440305", Set.of("NS", "SZ", "GD"))).isEmpty();
    }

    @Test
    void provinceCoverageReachesItsDistricts() {
        assertThat(resolver.partnerFor("310115")).map(Partner::code).hasValue("SH");
    }

    @Test
    void divisionNobodyServesHasNoPartner() {
        assertThat(resolver.partnerFor("330106")).isEmpty();
        assertThat(resolver.partnerFor("12")).isEmpty();
        assertThat(resolver.partnerFor(null)).isEmpty();
    }

    @Test
    void twoPartnersClaimingOneDivisionIsAConfigurationError() {
        assertThatThrownBy(() -> new JurisdictionResolver(List.of(partner("A", "440300"), partner("B", "440300"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("440300");
    }
}
