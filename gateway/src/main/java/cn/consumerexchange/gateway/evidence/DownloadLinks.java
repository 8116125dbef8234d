package cn.consumerexchange.gateway.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Short-lived download links for evidence files (claim checks of HTTP and AMQP receivers):
 * {@code <base>/api/evidence/<sha256>?token=<receiver>.<expiry>.<hmac>}. The HMAC-SHA256 binds the receiver, the file
 * and the expiry, so a link works for that file only, until it expires, and names who it was issued to.
 */
@Component
public class DownloadLinks {

    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration lifetime;
    private final String baseUrl;
    private final Clock clock;

    public DownloadLinks(EvidenceSettings settings, Clock clock) {
        this.key = settings.linkKey().isEmpty() ? randomKey() : settings.linkKey().getBytes(StandardCharsets.UTF_8);
        this.lifetime = settings.linkLifetime();
        this.baseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** What a presented token says. */
    public sealed interface Check {
    }

    /** A valid token, issued to this receiver. */
    public record Valid(String receiverCode) implements Check {
    }

    /** A token that was valid and has expired. */
    public record Expired(String receiverCode, Instant expiredAt) implements Check {
    }

    /** A token the gateway did not issue for this file: malformed, altered or for another file. */
    public record Forged() implements Check {
    }

    public String linkFor(String receiverCode, String sha256) {
        return baseUrl + "/api/evidence/" + sha256 + "?token=" + token(receiverCode, sha256);
    }

    String token(String receiverCode, String sha256) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        return receiverCode + "." + expiry + "." + sign(receiverCode, sha256, expiry);
    }

    public Check check(String sha256, String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            return new Forged();
        }
        long expiry = Long.parseLong(parts[1]);
        byte[] expected = sign(parts[0], sha256, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return new Forged();
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        return clock.instant().isAfter(expiresAt) ? new Expired(parts[0], expiresAt) : new Valid(parts[0]);
    }

    private String sign(String receiverCode, String sha256, long expiry) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return ENCODER.encodeToString(mac.doFinal((receiverCode + "\n" + sha256 + "\n" + expiry)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
