package cn.consumerexchange.gateway.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeysTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsKeptAndLoadedAgain() {
        KeyPair generated = CheckpointKeys.loadOrGenerate(dir.resolve("k.key"), dir.resolve("k.pub"));
        KeyPair loaded = CheckpointKeys.loadOrGenerate(dir.resolve("k.key"), dir.resolve("k.pub"));

        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(generated.getPrivate().getEncoded());
        assertThat(CheckpointKeys.keyId(CheckpointKeys.loadPublic(dir.resolve("k.pub"))))
                .isEqualTo(CheckpointKeys.keyId(generated.getPublic()))
                .hasSize(32);
    }

    @Test
    void aSignatureVerifiesOnlyForItsText() {
        KeyPair key = CheckpointKeys.loadOrGenerate(dir.resolve("k.key"), dir.resolve("k.pub"));
        String text = Checkpoint.signedText(7, "c".repeat(64), Instant.ofEpochMilli(1_763_600_000_000L));
        String signature = CheckpointKeys.sign(key.getPrivate(), text);

        assertThat(CheckpointKeys.verify(key.getPublic(), text, signature)).isTrue();
        assertThat(CheckpointKeys.verify(key.getPublic(),
                Checkpoint.signedText(8, "c".repeat(64), Instant.ofEpochMilli(1_763_600_000_000L)), signature))
                .isFalse();
        assertThat(CheckpointKeys.verify(key.getPublic(), text, "not base64!")).isFalse();
    }

    @Test
    void anotherKeysSignatureDoesNotVerify() {
        KeyPair ours = CheckpointKeys.loadOrGenerate(dir.resolve("a.key"), dir.resolve("a.pub"));
        KeyPair theirs = CheckpointKeys.loadOrGenerate(dir.resolve("b.key"), dir.resolve("b.pub"));

        assertThat(CheckpointKeys.verify(ours.getPublic(), "x", CheckpointKeys.sign(theirs.getPrivate(), "x")))
                .isFalse();
    }
}
