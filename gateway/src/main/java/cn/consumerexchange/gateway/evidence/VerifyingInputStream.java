package cn.consumerexchange.gateway.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * A held file read for delivery, its SHA-256 checked again on the way: at its end, bytes that are not the file named
 * fail the read instead of ending it, so whatever was consuming them (a large message's send, a file copy) fails
 * rather than passing on corrupt bytes.
 */
final class VerifyingInputStream extends FilterInputStream {

    private final String sha256;
    private final long size;
    private final MessageDigest digest = Sha256.newDigest();
    private long total;
    private String verdict;

    VerifyingInputStream(InputStream in, String sha256, long size) {
        super(in);
        this.sha256 = sha256;
        this.size = size;
    }

    /** The held bytes are not the file their key names. */
    static final class CorruptEvidenceException extends IOException {

        CorruptEvidenceException(String message) {
            super(message);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            digest.update(buffer, offset, read);
            total += read;
        } else if (read < 0) {
            verifyAtEnd();
        }
        return read;
    }

    /** Checked once, at the first end of the stream; a caller reading past the end again gets the same verdict. */
    private void verifyAtEnd() throws CorruptEvidenceException {
        if (verdict == null) {
            String actual = Sha256.hex(digest);
            verdict = total == size && actual.equals(sha256) ? "" : "Evidence " + sha256 + " in the store reads as "
                    + total + " bytes with SHA-256 " + actual;
        }
        if (!verdict.isEmpty()) {
            throw new CorruptEvidenceException(verdict);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("A verified read cannot skip");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
