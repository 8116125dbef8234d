package cn.consumerexchange.gateway.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.gateway.evidence.EvidenceStore.StoredEvidence;
import cn.consumerexchange.gateway.transfer.Sha256;

class FileSystemEvidenceStoreTest {

    @TempDir
    Path root;

    FileSystemEvidenceStore store(long maxFileSize) throws IOException {
        return new FileSystemEvidenceStore(new EvidenceSettings(root, DataSize.ofBytes(maxFileSize), 4,
                Duration.ofSeconds(30), DataSize.ofKilobytes(256), Duration.ofHours(1)));
    }

    @Test
    void keepsTheBytesUnderTheirDigest() throws IOException {
        byte[] bytes = random(200_000);
        String sha256 = Sha256.hex(bytes);

        StoredEvidence stored = store(1_000_000).put(sha256, bytes.length, new ByteArrayInputStream(bytes));

        assertThat(stored).isEqualTo(new StoredEvidence(sha256, bytes.length, false));
        Path held = root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
        assertThat(Files.readAllBytes(held)).isEqualTo(bytes);
        try (InputStream in = store(1_000_000).open(sha256)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store(1_000_000).size(sha256)).hasValue(bytes.length);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void sameBytesTwiceAreHeldOnce() throws IOException {
        byte[] bytes = random(1_000);
        String sha256 = Sha256.hex(bytes);
        FileSystemEvidenceStore store = store(10_000);

        store.put(sha256, -1, new ByteArrayInputStream(bytes));
        StoredEvidence again = store.put(sha256, bytes.length, new ByteArrayInputStream(bytes));

        assertThat(again.alreadyHeld()).isTrue();
        assertThat(leftovers()).isEmpty();
    }

    @Nested
    class Refused {

        @Test
        void bytesWithAnotherDigest() throws IOException {
            byte[] bytes = random(5_000);
            String declared = Sha256.hex(random(5_001));

            assertRefused(() -> store(10_000).put(declared, bytes.length, new ByteArrayInputStream(bytes)),
                    ErrorCode.EVIDENCE_DIGEST_MISMATCH, "not the declared " + declared);
            assertThat(store(10_000).exists(declared)).isFalse();
        }

        @Test
        void fewerBytesThanDeclared() throws IOException {
            byte[] bytes = random(5_000);

            assertRefused(() -> store(10_000).put(Sha256.hex(bytes), 6_000, new ByteArrayInputStream(bytes)),
                    ErrorCode.EVIDENCE_INCOMPLETE, "after 5000 of the declared 6000 bytes");
        }

        @Test
        void aConnectionCutMidway() throws IOException {
            byte[] bytes = random(5_000);
            InputStream cut = new InputStream() {
                int sent;

                @Override
                public int read() throws IOException {
                    if (sent++ >= 100) {
                        throw new IOException("Connection reset");
                    }
                    return 7;
                }
            };

            assertRefused(() -> store(10_000).put(Sha256.hex(bytes), bytes.length, cut),
                    ErrorCode.EVIDENCE_INCOMPLETE, "cut off after");
        }

        @Test
        void moreBytesThanDeclared() throws IOException {
            byte[] bytes = random(5_000);

            assertRefused(() -> store(10_000).put(Sha256.hex(bytes), 4_000, new ByteArrayInputStream(bytes)),
                    ErrorCode.EVIDENCE_TOO_LARGE, "declared size of 4000");
        }

        @Test
        void aDeclaredSizeAboveTheLimitUnread() throws IOException {
            InputStream never = new InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("read");
                }
            };

            assertRefused(() -> store(1_000).put(Sha256.hex(new byte[0]), 1_001, never),
                    ErrorCode.EVIDENCE_TOO_LARGE, "above the exchange's limit of 1000");
        }

        @Test
        void anUndeclaredSizeThatRunsOverTheLimit() throws IOException {
            byte[] bytes = random(1_001);

            assertRefused(() -> store(1_000).put(Sha256.hex(bytes), -1, new ByteArrayInputStream(bytes)),
                    ErrorCode.EVIDENCE_TOO_LARGE, "larger than the exchange's limit");
        }

        private void assertRefused(ThrowingPut put, ErrorCode code, String reason) throws IOException {
            assertThatThrownBy(put::put).isInstanceOfSatisfying(EvidenceRefusedException.class, refused -> {
                assertThat(refused.code()).isEqualTo(code);
                assertThat(refused.getMessage()).contains(reason);
            });
            assertThat(leftovers()).isEmpty();
        }
    }

    interface ThrowingPut {
        void put() throws IOException;
    }

    /** Every file under the root but the held ones: temporary files must not outlive their upload. */
    private Stream<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("incoming"))) {
            return files.toList().stream();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
