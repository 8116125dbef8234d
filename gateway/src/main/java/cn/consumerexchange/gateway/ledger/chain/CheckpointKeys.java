package cn.consumerexchange.gateway.ledger.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * The gateway's Ed25519 key for checkpoints (台账签名密钥), kept as PEM files (PKCS#8 private, X.509 public). The
 * embedded defaults generate a pair on first use; a deployment points the settings at its own. Verifying needs only
 * the public key.
 */
final class CheckpointKeys {

    private static final String ALGORITHM = "Ed25519";

    private CheckpointKeys() {
    }

    /** The pair at these paths, generated and written there if neither file exists. */
    static KeyPair loadOrGenerate(Path privateKeyFile, Path publicKeyFile) {
        try {
            if (!Files.exists(privateKeyFile) && !Files.exists(publicKeyFile)) {
                KeyPair generated = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                write(privateKeyFile, "PRIVATE KEY", generated.getPrivate().getEncoded());
                if (privateKeyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
                }
                write(publicKeyFile, "PUBLIC KEY", generated.getPublic().getEncoded());
            }
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(read(privateKeyFile)));
            return new KeyPair(loadPublic(publicKeyFile), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the ledger signing key " + privateKeyFile, e);
        }
    }

    static PublicKey loadPublic(Path publicKeyFile) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(read(publicKeyFile)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the ledger public key " + publicKeyFile, e);
        }
    }

    /** The first 16 bytes of the SHA-256 of the public key, in hex: which key a checkpoint was signed with. */
    static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded()).substring(0, 32);
    }

    static String sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a ledger checkpoint", e);
        }
    }

    static boolean verify(PublicKey key, String text, String base64Signature) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void write(Path file, String type, byte[] encoded) {
        String pem = "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(encoded) + "\n-----END " + type + "-----\n";
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
