package cn.consumerexchange.gateway.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.transfer.Sha256;

/** A download re-checks the SHA-256 as it streams, and holds the last chunk back until it knows. */
class CheckedDownloadTest {

    @Test
    void intactBytesAreSentWhole() throws IOException {
        byte[] bytes = random(200_000);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        String problem = EvidenceDownloadController.streamChecked(new ByteArrayInputStream(bytes), sent,
                Sha256.hex(bytes), bytes.length);

        assertThat(problem).isNull();
        assertThat(sent.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void corruptBytesAreCutShortBeforeTheirEnd() throws IOException {
        byte[] bytes = random(200_000);
        byte[] corrupt = bytes.clone();
        corrupt[150_000] ^= 1;
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        String problem = EvidenceDownloadController.streamChecked(new ByteArrayInputStream(corrupt), sent,
                Sha256.hex(bytes), bytes.length);

        assertThat(problem).contains("SHA-256 " + Sha256.hex(corrupt));
        assertThat(sent.size()).isLessThan(bytes.length);
    }

    @Test
    void aCorruptSingleChunkFileSendsNothing() throws IOException {
        byte[] bytes = random(1_000);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();

        EvidenceDownloadController.streamChecked(new ByteArrayInputStream(random(999)), sent, Sha256.hex(bytes),
                bytes.length);

        assertThat(sent.size()).isZero();
    }

    @Test
    void aHeldFileReadForAHandOverFailsAtItsEndWhenCorrupt() {
        byte[] bytes = random(10_000);
        byte[] corrupt = bytes.clone();
        corrupt[0] ^= 1;

        VerifyingInputStream intact = new VerifyingInputStream(new ByteArrayInputStream(bytes), Sha256.hex(bytes),
                bytes.length);
        VerifyingInputStream tampered = new VerifyingInputStream(new ByteArrayInputStream(corrupt),
                Sha256.hex(bytes), bytes.length);

        assertThat(catchThrowable(intact::readAllBytes)).isNull();
        assertThat(catchThrowable(tampered::readAllBytes))
                .isInstanceOf(VerifyingInputStream.CorruptEvidenceException.class);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
