package cn.consumerexchange.gateway.related;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** One key of a complaint, as its profile and {@code related_case_key} hold it (pseudonymised when personal). */
public record CaseKey(KeyKind kind, String value) {

    /** Looking a digest up costs about as much as the hash of a key: one per thread, reused, as for the pseudonyms. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    });

    /** The key's {@link #lookupHash(String, String) lookup hash}. */
    public long lookupHash() {
        return lookupHash(kind.name(), value);
    }

    /**
     * What {@code ix_related_case_key_hash} orders a key by (V29): the first 64 bits of SHA-256 over its kind and
     * value. One number instead of the kind and the value as text makes each entry of the index about half as long, so
     * each of its pages holds more of them and a key written at a random place rewrites fewer pages at the next
     * commit. Lookups read the index alone and trust the hash: two different keys share one about once in 2^64 pairs;
     * a case found through another key's hash would score low as a candidate, or add one to a burst's count.
     */
    public static long lookupHash(String kind, String value) {
        byte[] digest = SHA_256.get().digest((kind + ':' + value).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}
