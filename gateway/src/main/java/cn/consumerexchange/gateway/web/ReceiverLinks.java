package cn.consumerexchange.gateway.web;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place that makes and checks the short-lived links receivers fetch a resource through:
 * {@code <base>/api/<kind>/<id>...?receiver=..&expires=..&token=..}. The token is an HMAC-SHA256 of the receiver, the
 * resource (its kind and id) and the expiry, so a link works for that receiver and resource only, and only until it
 * expires. Every field is length-prefixed in the signed input, so no two different links share a token.
 */
@Component
public class ReceiverLinks {

    /** What a presented link says. An altered link is forged, whatever its expiry. */
    public enum Check {
        VALID, EXPIRED, FORGED
    }

    private static final String HMAC = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(ReceiverLinks.class);

    private final SecretKeySpec key;
    private final String baseUrl;
    private final Clock clock;

    public ReceiverLinks(ReceiverLinkSettings settings, Clock clock) {
        if (settings.key().isEmpty()) {
            log.warn("exchange.links.key is empty: links to receivers are signed with a random key and fail after a "
                    + "restart or on another instance");
        }
        this.key = new SecretKeySpec(settings.key().isEmpty() ? randomKey()
                : settings.key().getBytes(StandardCharsets.UTF_8), HMAC);
        this.baseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
        this.clock = clock;
    }

    /**
     * A link for {@code receiver} to the resource {@code /api/<kind>/<id>...}, valid for {@code lifetime}.
     */
    public String linkFor(String receiver, Duration lifetime, String kind, String... id) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        StringBuilder link = new StringBuilder(baseUrl).append("/api/").append(kind);
        for (String part : id) {
            link.append('/').append(encode(part));
        }
        return link.append("?receiver=").append(encode(receiver)).append("&expires=").append(expires)
                .append("&token=").append(token(receiver, expires, kind, id)).toString();
    }

    /**
     * Checks a link's query parameters as presented (any of them may be missing) against the resource it was used for.
     */
    public Check check(String receiver, String expires, String token, String kind, String... id) {
        if (receiver == null || token == null || expires == null || !expires.matches("\\d{1,12}")) {
            return Check.FORGED;
        }
        long expiry = Long.parseLong(expires);
        if (!MessageDigest.isEqual(token(receiver, expiry, kind, id).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return Check.FORGED;
        }
        return clock.instant().isAfter(Instant.ofEpochSecond(expiry)) ? Check.EXPIRED : Check.VALID;
    }

    private String token(String receiver, long expires, String kind, String... id) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        field(input, receiver);
        field(input, kind);
        for (String part : id) {
            field(input, part);
        }
        field(input, Long.toString(expires));
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + HMAC, e);
        }
    }

    /** Appends {@code <byte length>:<UTF-8 bytes>}. */
    private static void field(ByteArrayOutputStream input, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        input.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(bytes);
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
