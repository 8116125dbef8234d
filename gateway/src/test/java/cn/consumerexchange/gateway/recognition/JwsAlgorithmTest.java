package cn.consumerexchange.gateway.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.junit.jupiter.api.Test;

class JwsAlgorithmTest {

    static final byte[] INPUT = "header.payload".getBytes(StandardCharsets.US_ASCII);

    /** A partner that sets no user id signs with GM/T 0009's default, which is what the gateway verifies with. */
    @Test
    void sm2SignatureWithTheProvidersDefaultUserIdVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair keys = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SM3withSM2", BouncyCastle.PROVIDER);
        signer.initSign(keys.getPrivate());
        signer.update(INPUT);
        ASN1Sequence der = ASN1Sequence.getInstance(signer.sign());
        byte[] rs = new byte[64];
        put(ASN1Integer.getInstance(der.getObjectAt(0)).getPositiveValue().toByteArray(), rs, 0);
        put(ASN1Integer.getInstance(der.getObjectAt(1)).getPositiveValue().toByteArray(), rs, 32);

        assertThat(JwsAlgorithm.SM2SM3.verifies(keys.getPublic(), INPUT, rs)).isTrue();
        assertThat(JwsAlgorithm.SM2SM3.verifies(keys.getPublic(), "other".getBytes(StandardCharsets.US_ASCII), rs))
                .isFalse();
    }

    @Test
    void signatureOfTheWrongLengthOrKeyOfTheWrongKindIsNotValid() {
        SigningAuthority rsa = SigningAuthority.of(JwsAlgorithm.RS256);

        assertThat(JwsAlgorithm.ES256.verifies(rsa.certificate().getPublicKey(), INPUT, new byte[64])).isFalse();
        assertThat(JwsAlgorithm.SM2SM3.verifies(rsa.certificate().getPublicKey(), INPUT, new byte[63])).isFalse();
    }

    private static void put(byte[] number, byte[] into, int offset) {
        int length = Math.min(number.length, 32);
        System.arraycopy(number, number.length - length, into, offset + 32 - length, length);
    }
}
