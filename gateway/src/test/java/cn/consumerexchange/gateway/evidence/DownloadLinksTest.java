package cn.consumerexchange.gateway.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DownloadLinksTest {

    static final String SHA = "3ccf4bb91f96e3c1d8e06f01c71a7650b8c793674874098655204e46f8817235";
    static final String OTHER = "986b3f9687c6254f24f8b9454e014c1e2e75125ca782e9b6357dca30d3cc790b";
    static final Instant NOW = Instant.parse("2026-05-12T01:00:00Z");

    static DownloadLinks links(String key, Instant now) {
        return new DownloadLinks(new EvidenceSettings(Path.of("unused"), DataSize.ofGigabytes(1), 4,
                Duration.ofSeconds(30), DataSize.ofKilobytes(256), Duration.ofMinutes(15), key,
                "https://gateway.example/"), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkNamesTheFileAndItsReceiver() {
        assertThat(links("k", NOW).linkFor("SH", SHA))
                .startsWith("https://gateway.example/api/evidence/" + SHA + "?token=SH." + NOW.plusSeconds(900)
                        .getEpochSecond() + ".");
    }

    @Test
    void aTokenIsValidForItsFileUntilItExpires() {
        String token = links("k", NOW).token("SH", SHA);

        assertThat(links("k", NOW.plusSeconds(899)).check(SHA, token)).isEqualTo(new DownloadLinks.Valid("SH"));
        assertThat(links("k", NOW.plusSeconds(901)).check(SHA, token))
                .isEqualTo(new DownloadLinks.Expired("SH", NOW.plusSeconds(900)));
    }

    @Test
    void aTokenForAnotherFileAReceiverChangedOrAnotherKeyIsForged() {
        String token = links("k", NOW).token("SH", SHA);

        assertThat(links("k", NOW).check(OTHER, token)).isInstanceOf(DownloadLinks.Forged.class);
        assertThat(links("k", NOW).check(SHA, token.replaceFirst("^SH", "GZ"))).isInstanceOf(DownloadLinks.Forged.class);
        assertThat(links("other", NOW).check(SHA, token)).isInstanceOf(DownloadLinks.Forged.class);
        assertThat(links("k", NOW).check(SHA, "garbage")).isInstanceOf(DownloadLinks.Forged.class);
        assertThat(links("k", NOW).check(SHA, null)).isInstanceOf(DownloadLinks.Forged.class);
    }
}
