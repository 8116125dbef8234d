package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
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

    static final Partner HONG_KONG = partner("HK", "810000");

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

    static Respondent respondent(RespondentKind kind, String division) {
        Respondent respondent = new Respondent();
        respondent.setName("被投诉企业");
        respondent.setDivisionCode(division);
        respondent.setKind(kind);
        return respondent;
    }

    JurisdictionDecision decide(Respondent respondent, String... earlierReceivers) {
        return resolver.decide(respondent, HONG_KONG, () -> List.of(earlierReceivers)).orElseThrow();
    }

    /** Art. 13: one authority has jurisdiction, and the rule that names its place decides. */
    @Nested
    class Article13 {

        @Test
        void offlineBusinessGoesWhereItActuallyOperates() {
            JurisdictionDecision decision = decide(respondent(RespondentKind.OFFLINE_BUSINESS, "310115"));

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_PLACE_OF_BUSINESS);
            assertThat(decision.division()).isEqualTo("310115");
            assertThat(decision.others()).isEmpty();
        }

        @Test
        void aRespondentOfNoStatedKindIsTreatedAsAnOfflineBusiness() {
            JurisdictionDecision decision = decide(respondent(null, "440305"));

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_PLACE_OF_BUSINESS);
            assertThat(decision.explanationEn()).contains("not stated (treated as OFFLINE_BUSINESS)");
        }

        @Test
        void offlineBusinessWhosePlaceOfBusinessNobodyServesGoesToItsDomicile() {
            Respondent respondent = respondent(RespondentKind.OFFLINE_BUSINESS, "330106");
            respondent.setDomicileDivisionCode("310104");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_DOMICILE);
            assertThat(decision.division()).isEqualTo("310104");
            assertThat(decision.explanationEn()).contains("330106, served by no partner of the exchange");
        }

        @Test
        void placeOfBusinessAndDomicileServedByOneAuthorityAreOneJurisdiction() {
            Respondent respondent = respondent(RespondentKind.OFFLINE_BUSINESS, "440304");
            respondent.setDomicileDivisionCode("440306");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("SZ");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_PLACE_OF_BUSINESS);
            assertThat(decision.candidates()).hasSize(2);
            assertThat(decision.others()).isEmpty();
        }

        @Test
        void platformGoesToItsDomicileNotWhereItsAddressIs() {
            Respondent respondent = respondent(RespondentKind.ONLINE_PLATFORM, "440305");
            respondent.setDomicileDivisionCode("310105");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_PLATFORM_DOMICILE);
            assertThat(decision.division()).isEqualTo("310105");
            assertThat(decision.candidates()).as("a platform has no place-of-business jurisdiction").hasSize(1);
        }

        @Test
        void platformWithoutASeparateDomicileIsDomiciledAtItsDivision() {
            JurisdictionDecision decision = decide(respondent(RespondentKind.ONLINE_PLATFORM, "310105"));

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_PLATFORM_DOMICILE);
        }

        @Test
        void selfRunOnlineShopGoesToItsDomicile() {
            Respondent respondent = respondent(RespondentKind.SELF_RUN_ONLINE_SHOP, "310115");
            respondent.setDomicileDivisionCode("440305");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_SELF_RUN_SHOP_DOMICILE);
            assertThat(decision.division()).isEqualTo("440305");
        }

        @Test
        void platformSellerGoesToTheAddressThePlatformDisplays() {
            Respondent respondent = respondent(RespondentKind.PLATFORM_SELLER, "440305");
            respondent.setPlatformName("淘宝");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_SELLER_DISPLAYED_ADDRESS);
        }

        @Test
        void platformSellerWhoseDisplayedAddressNobodyServesGoesToThePlatformsDomicile() {
            Respondent respondent = respondent(RespondentKind.PLATFORM_SELLER, "330106");
            respondent.setPlatformName("淘宝");
            respondent.setPlatformDivisionCode("310105");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART13_SELLER_PLATFORM_DOMICILE_FALLBACK);
            assertThat(decision.division()).isEqualTo("310105");
        }

        @Test
        void theExplanationSaysWhenCoverageOfAPrefectureOrProvinceReachesTheDivision() {
            JurisdictionDecision decision = decide(respondent(RespondentKind.OFFLINE_BUSINESS, "440304"));

            assertThat(decision.candidates()).singleElement()
                    .satisfies(candidate -> assertThat(candidate.servedDivision()).isEqualTo("440300"));
            assertThat(decision.explanationEn()).contains("440304, served by SZ through its coverage of 440300")
                    .contains("directly, or through its prefecture, or through its province");
            assertThat(decision.explanationZh()).contains("第十三条：被投诉人实际经营地：440304，由 SZ 管辖（经其覆盖区划 440300）");
        }

        @Test
        void noPlaceWithJurisdictionServedByTheExchangeDecidesNothing() {
            Respondent respondent = respondent(RespondentKind.PLATFORM_SELLER, "330106");
            respondent.setPlatformDivisionCode("330108");

            assertThat(resolver.decide(respondent, HONG_KONG, List::of)).isEmpty();
        }
    }

    /** Art. 14: several authorities have jurisdiction; the first to receive it handles it, the others are told. */
    @Nested
    class Article14 {

        static Respondent operatingInShanghaiDomiciledInNanshan() {
            Respondent respondent = respondent(RespondentKind.OFFLINE_BUSINESS, "310115");
            respondent.setDomicileDivisionCode("440305");
            return respondent;
        }

        @Test
        void noneHasItYetSoTheFirstPlaceArticle13NamesReceivesItAndTheOthersAreTold() {
            JurisdictionDecision decision = decide(operatingInShanghaiDomiciledInNanshan());

            assertThat(decision.receiver().code()).isEqualTo("SH");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART14_FIRST_RECEIVER);
            assertThat(decision.division()).isEqualTo("310115");
            assertThat(decision.candidates()).extracting(JurisdictionCandidate::ground)
                    .containsExactly(JurisdictionRule.ART13_PLACE_OF_BUSINESS, JurisdictionRule.ART13_DOMICILE);
            assertThat(decision.others()).extracting(Partner::code).containsExactly("NS");
            assertThat(decision.explanationEn()).contains("none has received it yet").contains("To be told: NS.");
            assertThat(decision.explanationZh()).contains("第十四条").contains("应告知：NS");
        }

        @Test
        void anAuthorityThatAlreadyReceivedTheSameDisputeKeepsIt() {
            JurisdictionDecision decision = decide(operatingInShanghaiDomiciledInNanshan(), "NS");

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART14_FIRST_RECEIVER);
            assertThat(decision.division()).isEqualTo("440305");
            assertThat(decision.others()).extracting(Partner::code).containsExactly("SH");
            assertThat(decision.explanationEn()).contains("NS already received this dispute");
        }

        @Test
        void anEarlierReceiverWithoutJurisdictionIsNoFirstReceiver() {
            JurisdictionDecision decision = decide(operatingInShanghaiDomiciledInNanshan(), "SZ", "NS");

            assertThat(decision.receiver().code()).isEqualTo("NS");
        }

        @Test
        void aSenderWithJurisdictionReceivedItFirstAndKeepsIt() {
            JurisdictionDecision decision = resolver.decide(operatingInShanghaiDomiciledInNanshan(),
                    partner("NS", "440305"), () -> List.of("SH")).orElseThrow();

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART14_FIRST_RECEIVER);
            assertThat(decision.explanationEn()).contains("the sender NS is one of them and received it first");
        }

        @Test
        void aSellersDisplayedAddressAndItsPlatformsDomicileBothHaveJurisdiction() {
            Respondent respondent = respondent(RespondentKind.PLATFORM_SELLER, "440305");
            respondent.setPlatformName("拼多多");
            respondent.setPlatformDivisionCode("310105");

            JurisdictionDecision decision = decide(respondent);

            assertThat(decision.receiver().code()).isEqualTo("NS");
            assertThat(decision.rule()).isEqualTo(JurisdictionRule.ART14_FIRST_RECEIVER);
            assertThat(decision.candidates()).extracting(JurisdictionCandidate::ground).containsExactly(
                    JurisdictionRule.ART13_SELLER_DISPLAYED_ADDRESS,
                    JurisdictionRule.ART13_SELLER_PLATFORM_DOMICILE_FALLBACK);
            assertThat(decision.others()).extracting(Partner::code).containsExactly("SH");
        }
    }
}
