package cn.consumerexchange.gateway.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * The JWS {@code alg} values the exchange accepts. {@code SM2SM3} is the exchange's own name (JOSE registers no SM2
 * algorithm): SM2 over SM3 (GB/T 32918) with the default user id {@code 1234567812345678} of GM/T 0009, the signature
 * being {@code r || s}, 32 bytes each, like ES256's (RFC 7518 §3.4).
 */
enum JwsAlgorithm {

    RS256("SHA256withRSA", false),
    ES256("SHA256withECDSA", true),
    SM2SM3("SM3withSM2", true);

    /** GM/T 0009's default signer id, used by every partner that names none. */
    static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private final String jcaName;
    private final boolean concatenatedRs;

    JwsAlgorithm(String jcaName, boolean concatenatedRs) {
        this.jcaName = jcaName;
        this.concatenatedRs = concatenatedRs;
    }

    /**
     * Whether {@code signature} is this algorithm's signature of {@code signingInput} by {@code key}. A signature of
     * the wrong shape, or a key of another kind, is simply not valid.
     */
    boolean verifies(PublicKey key, byte[] signingInput, byte[] signature) {
        if (concatenatedRs && signature.length != 2 * EcSignatureEncoding.COORDINATE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaName, BouncyCastle.PROVIDER);
            if (this == SM2SM3) {
                verifier.setParameter(new SM2ParameterSpec(SM2_DEFAULT_USER_ID));
            }
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(concatenatedRs ? EcSignatureEncoding.toDer(signature) : signature);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException wrongKeyOrShape) {
            return false;
        }
    }
}
