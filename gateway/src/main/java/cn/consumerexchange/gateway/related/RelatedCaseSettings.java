package cn.consumerexchange.gateway.related;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Related cases (并案) and advisory flags (art. 17), bound from {@code exchange.related.*}.
 *
 * @param keySecret      the secret the consumer keys are hashed with ({@link KeyPseudonyms}); every instance needs the
 *                       same one, and a new one makes earlier complaints unreachable by consumer keys
 * @param threshold      the score from which a pair is a likely duplicate and linked
 * @param purchaseWindow purchases further apart than this are two purchases, never one dispute
 * @param lookback       how far back candidates are looked for, by the time their complaint was received
 * @param maxCandidates  the most cases read per key looked up, newest first, so one busy key cannot make a lookup slow
 * @param burst          many complaints against one respondent in a short time
 * @param sharedPhone    several complainants giving one phone number
 * @param sweep          how accepted complaints reach the detector, after their acknowledgement
 */
@ConfigurationProperties("exchange.related")
public record RelatedCaseSettings(
        String keySecret,
        @DefaultValue("0.80") double threshold,
        @DefaultValue("30d") Duration purchaseWindow,
        @DefaultValue("365d") Duration lookback,
        @DefaultValue("50") int maxCandidates,
        @DefaultValue Burst burst,
        @DefaultValue SharedPhone sharedPhone,
        @DefaultValue Sweep sweep) {

    /**
     * @param complaints complaints against one respondent, this one included, that raise the flag
     * @param window     within how long before the complaint they are counted
     */
    public record Burst(@DefaultValue("10") int complaints, @DefaultValue("24h") Duration window) {
    }

    /**
     * @param complainants different complainants (by name) giving one phone number that raise the flag
     * @param window       within how long before the complaint they are counted
     */
    public record SharedPhone(@DefaultValue("3") int complainants, @DefaultValue("90d") Duration window) {
    }

    /**
     * The related-case sweep ({@link RelatedCaseSweep}).
     *
     * @param enabled  whether this instance looks for related cases at all; off, complaints are exchanged unlinked
     * @param interval how often it looks for cases not yet looked at
     * @param batch    the cases one pass looks at; a sweep goes on at once after a full pass
     * @param margin   how far behind its watermark it reads again, for cases whose intake committed late
     * @param horizon  how far back a sweep that starts (or takes over from another instance) looks
     */
    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval,
            @DefaultValue("200") int batch,
            @DefaultValue("10s") Duration margin, @DefaultValue("1d") Duration horizon) {
    }
}
