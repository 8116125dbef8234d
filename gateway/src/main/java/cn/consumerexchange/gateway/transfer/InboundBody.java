package cn.consumerexchange.gateway.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * A request body read up to the message size limit. Of a body over the limit only the first bytes are kept, but all
 * of it is counted and hashed, so the rejection states the real size and the record identifies the whole input.
 *
 * @param head   the body, or its first {@code limit} bytes when it is larger
 * @param size   the size of the whole body in bytes
 * @param sha256 the SHA-256 of the whole body, hex
 */
record InboundBody(byte[] head, long size, String sha256, boolean tooLarge) {

    private static final int SKIP_BUFFER = 64 * 1024;

    static InboundBody read(InputStream in, int limit) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        DigestInputStream hashed = new DigestInputStream(in, digest);
        byte[] head = hashed.readNBytes(limit);
        long size = head.length;
        byte[] rest = new byte[SKIP_BUFFER];
        for (int read; (read = hashed.read(rest)) > 0; ) {
            size += read;
        }
        return new InboundBody(head, size, Sha256.hex(digest), size > limit);
    }
}
