package cn.consumerexchange.gateway.recognition;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.ledger.MessageKey;

/**
 * Short-lived links to a signed original, for receivers the original does not travel with (HTTP, or an original too
 * large for a queue property): {@code /api/signed-originals/<sender>/<message id>?receiver=..&expires=..&token=..},
 * the token an HMAC-SHA256 of the receiver, the message and the expiry, so a link works only for the receiver it was
 * made for and only until it expires.
 */
@Component
public class SignedOriginalLinks {

    static final String PATH = "/api/signed-originals/";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final RecognitionSettings settings;
    private final Clock clock;

    public SignedOriginalLinks(RecognitionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        byte[] secret = settings.linkSecret().isEmpty() ? randomSecret()
                : settings.linkSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    /** A link for {@code receiver} to the original of {@code inbound}, valid for the configured lifetime. */
    String linkFor(String receiver, MessageKey inbound) {
        long expires = clock.instant().plus(settings.linkLifetime()).getEpochSecond();
        return settings.publicBaseUrl() + PATH + encode(inbound.partnerCode()) + "/" + encode(inbound.messageId())
                + "?receiver=" + encode(receiver) + "&expires=" + expires + "&token="
                + token(receiver, inbound, expires);
    }

    /** Whether the link's token was made by this gateway for this receiver and message and has not expired. */
    boolean admits(String receiver, MessageKey inbound, long expires, String token) {
        if (token == null || Instant.ofEpochSecond(expires).isBefore(clock.instant())) {
            return false;
        }
        return MessageDigest.isEqual(token(receiver, inbound, expires).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(String receiver, MessageKey inbound, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            // Lengths first, so no two different triples give the same input.
            String input = receiver.length() + ":" + receiver + "|" + inbound.partnerCode().length() + ":"
                    + inbound.partnerCode() + "|" + inbound.messageId().length() + ":" + inbound.messageId() + "|"
                    + expires;
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
