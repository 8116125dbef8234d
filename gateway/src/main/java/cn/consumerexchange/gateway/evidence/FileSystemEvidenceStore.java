package cn.consumerexchange.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * The evidence store on a local (or mounted) file system: {@code <root>/ab/cd/<sha256>}. An upload is written to a
 * temporary file under {@code <root>/incoming} while its digest is computed, then moved into place atomically, so a
 * reader never sees half a file and a second upload of the same bytes leaves the first one as it was.
 */
@Component
public class FileSystemEvidenceStore implements EvidenceStore {

    private static final int BUFFER = 256 * 1024;

    private final Path root;
    private final Path incoming;
    private final long maxFileSize;

    public FileSystemEvidenceStore(EvidenceSettings settings) throws IOException {
        this.root = settings.root().toAbsolutePath();
        this.incoming = Files.createDirectories(root.resolve("incoming"));
        this.maxFileSize = settings.maxFileSize().toBytes();
    }

    @Override
    public StoredEvidence put(String sha256, long declaredSize, InputStream bytes) throws IOException {
        if (!EvidenceDigests.isSha256(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 in lowercase hex: " + sha256);
        }
        if (declaredSize > maxFileSize) {
            throw tooLarge(declaredSize, 0);
        }
        long limit = declaredSize >= 0 ? declaredSize : maxFileSize;
        Path temporary = Files.createTempFile(incoming, sha256.substring(0, 8), ".part");
        try {
            MessageDigest digest = Sha256.newDigest();
            long received = copy(new DigestInputStream(bytes, digest), temporary, limit, declaredSize);
            String actual = Sha256.hex(digest);
            if (!actual.equals(sha256)) {
                throw new EvidenceRefusedException(ErrorCode.EVIDENCE_DIGEST_MISMATCH, "The bytes received have SHA-256 "
                        + actual + ", not the declared " + sha256, received);
            }
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                return new StoredEvidence(sha256, received, true);
            }
            Files.createDirectories(target.getParent());
            moveIntoPlace(temporary, target);
            return new StoredEvidence(sha256, received, false);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public OptionalLong size(String sha256) {
        if (!EvidenceDigests.isSha256(sha256)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        } catch (NoSuchFileException absent) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        if (!EvidenceDigests.isSha256(sha256)) {
            throw new NoSuchFileException(sha256);
        }
        return Files.newInputStream(pathOf(sha256));
    }

    Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Copies at most {@code limit} bytes; one byte more is refused as too large. A read that fails (the sender's
     * connection cut) or ends before the declared size is an incomplete upload; a write that fails is the store's.
     */
    private long copy(InputStream in, Path temporary, long limit, long declaredSize) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long received = 0;
        try (OutputStream out = Files.newOutputStream(temporary)) {
            while (true) {
                int read;
                try {
                    // Whole buffers, not the socket's small reads: a quarter of the writes for the same bytes.
                    read = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, limit - received + 1));
                } catch (IOException cut) {
                    throw new EvidenceRefusedException(ErrorCode.EVIDENCE_INCOMPLETE, "The upload was cut off after "
                            + received + " bytes" + (declaredSize >= 0 ? " of " + declaredSize : "") + " ("
                            + cut.getClass().getSimpleName() + ")", received);
                }
                if (read == 0) {
                    break;
                }
                received += read;
                if (received > limit) {
                    throw tooLarge(declaredSize >= 0 ? declaredSize : -1, received);
                }
                out.write(buffer, 0, read);
            }
        }
        if (declaredSize >= 0 && received < declaredSize) {
            throw new EvidenceRefusedException(ErrorCode.EVIDENCE_INCOMPLETE,
                    "The upload ended after " + received + " of the declared " + declaredSize + " bytes", received);
        }
        return received;
    }

    private EvidenceRefusedException tooLarge(long declaredSize, long received) {
        return new EvidenceRefusedException(ErrorCode.EVIDENCE_TOO_LARGE, declaredSize > maxFileSize
                ? "The file's declared size " + declaredSize + " is above the exchange's limit of " + maxFileSize
                        + " bytes"
                : declaredSize >= 0
                        ? "More bytes arrived than the declared size of " + declaredSize
                        : "The file is larger than the exchange's limit of " + maxFileSize + " bytes", received);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException concurrent) {
            // Another upload of the same bytes got there first: what is held is the same file.
            if (!Files.exists(target)) {
                throw concurrent;
            }
        }
    }
}
