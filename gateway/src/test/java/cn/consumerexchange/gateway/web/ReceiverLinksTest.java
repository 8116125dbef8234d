package cn.consumerexchange.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.web.ReceiverLinks.Check;

class ReceiverLinksTest {

    static final String SHA = "3ccf4bb91f96e3c1d8e06f01c71a7650b8c793674874098655204e46f8817235";
    static final Instant NOW = Instant.parse("2026-05-12T01:00:00Z");
    static final Duration LIFETIME = Duration.ofMinutes(15);
    static final String EXPIRES = Long.toString(NOW.plus(LIFETIME).getEpochSecond());

    static ReceiverLinks links(String key, Instant now) {
        return new ReceiverLinks(new ReceiverLinkSettings("https://gateway.example/", key),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static String tokenOf(String link) {
        return link.replaceAll(".*token=", "");
    }

    final String link = links("k", NOW).linkFor("SH", LIFETIME, "evidence", SHA);
    final String token = tokenOf(link);

    @Test
    void aLinkNamesTheResourceTheReceiverAndTheExpiry() {
        assertThat(link).startsWith("https://gateway.example/api/evidence/" + SHA + "?receiver=SH&expires=" + EXPIRES
                + "&token=");
    }

    @Test
    void idPartsAndReceiverAreUrlEncoded() {
        assertThat(links("k", NOW).linkFor("R X", LIFETIME, "signed-originals", "N12315", "a/b c"))
                .startsWith("https://gateway.example/api/signed-originals/N12315/a%2Fb%20c?receiver=R%20X&");
    }

    @Test
    void aLinkIsValidUntilItExpires() {
        assertThat(links("k", NOW.plus(LIFETIME)).check("SH", EXPIRES, token, "evidence", SHA)).isEqualTo(Check.VALID);
        assertThat(links("k", NOW.plus(LIFETIME).plusSeconds(1)).check("SH", EXPIRES, token, "evidence", SHA))
                .isEqualTo(Check.EXPIRED);
    }

    @Nested
    class Forged {

        @Test
        void forAnotherReceiver() {
            assertThat(links("k", NOW).check("GZ", EXPIRES, token, "evidence", SHA)).isEqualTo(Check.FORGED);
        }

        @Test
        void forAnotherResource() {
            String other = "986b3f9687c6254f24f8b9454e014c1e2e75125ca782e9b6357dca30d3cc790b";
            assertThat(links("k", NOW).check("SH", EXPIRES, token, "evidence", other)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check("SH", EXPIRES, token, "signed-originals", SHA)).isEqualTo(Check.FORGED);
        }

        @Test
        void withItsExpiryAltered() {
            String later = Long.toString(Long.parseLong(EXPIRES) + 3600);
            assertThat(links("k", NOW).check("SH", later, token, "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW.plus(LIFETIME).plusSeconds(1)).check("SH", later, token, "evidence", SHA))
                    .as("even once the true expiry has passed").isEqualTo(Check.FORGED);
        }

        @Test
        void whenTheFieldsAreSplitDifferently() {
            String split = tokenOf(links("k", NOW).linkFor("S", LIFETIME, "signed-originals", "HN", "1"));
            assertThat(links("k", NOW).check("SH", EXPIRES, split, "signed-originals", "N", "1"))
                    .isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check("S", EXPIRES, split, "signed-originals", "HN1")).isEqualTo(Check.FORGED);
        }

        @Test
        void underAnotherKey() {
            assertThat(links("other", NOW).check("SH", EXPIRES, token, "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("", NOW).check("SH", EXPIRES, token, "evidence", SHA)).as("random key")
                    .isEqualTo(Check.FORGED);
        }

        @Test
        void whenMalformedOrMissing() {
            assertThat(links("k", NOW).check("SH", EXPIRES, "garbage", "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check("SH", "soon", token, "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check(null, EXPIRES, token, "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check("SH", null, token, "evidence", SHA)).isEqualTo(Check.FORGED);
            assertThat(links("k", NOW).check("SH", EXPIRES, null, "evidence", SHA)).isEqualTo(Check.FORGED);
        }
    }
}
