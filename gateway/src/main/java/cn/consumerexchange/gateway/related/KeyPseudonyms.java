package cn.consumerexchange.gateway.related;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256, 128 bits kept) of the consumer's phone, identity number and name: two complaints with the
 * same value still share a key, but the key table holds no personal data, and without the secret a phone number
 * cannot be found by hashing every number. Changing the secret separates new keys from old ones.
 */
final class KeyPseudonyms {

    private static final int HEX_CHARS = 32;

    /** A Mac is not thread-safe, and looking one up per key costs more than the hash: one per thread, reused. */
    private final ThreadLocal<Mac> macs;

    KeyPseudonyms(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("exchange.related.key-secret must be set");
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** The kind is part of the hashed text, so a phone and an identity number with the same digits never meet. */
    String of(KeyKind kind, String normalised) {
        byte[] digest = macs.get().doFinal((kind.name() + ':' + normalised).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
    }
}
