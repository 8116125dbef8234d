package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

/**
 * Holds evidence files (维权证据) once each, keyed by the SHA-256 of their bytes (content-addressed). Bytes go in and
 * come out as streams, never whole in memory, so a file of gigabytes passes a gateway with a small heap. The default is
 * {@link FileSystemEvidenceStore}; an S3-compatible store fits the same methods (a streamed multipart put under a
 * temporary key, checked, then copied to the digest's key).
 */
public interface EvidenceStore {

    /**
     * Reads {@code bytes} to their end and keeps them under {@code sha256} if they are what the sender declared.
     *
     * @param declaredSize the size the sender declared, or -1 when it declared none
     * @throws EvidenceRefusedException when the bytes end early, run over the declared size or the store's maximum, or
     *                                  have another digest; nothing is kept then
     * @throws IOException              when the store itself fails
     */
    StoredEvidence put(String sha256, long declaredSize, InputStream bytes) throws IOException;

    /** The size of the held file with this digest, or empty when it is not held. */
    OptionalLong size(String sha256);

    default boolean exists(String sha256) {
        return size(sha256).isPresent();
    }

    /** The held bytes, as they were checked on arrival; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

    /** The outcome of a put that kept the bytes. */
    record StoredEvidence(String sha256, long size, boolean alreadyHeld) {
    }
}
