package cn.consumerexchange.gateway.recognition;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;

import org.apache.xml.security.algorithms.SignatureAlgorithmSpi;
import org.apache.xml.security.signature.XMLSignatureException;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * SM2 with SM3 (GB/T 32918, GM/T 0009) as an XML Signature method, registered with Apache Santuario under
 * {@link #URI}; BouncyCastle does the arithmetic. The signer id is GM/T 0009's default {@code 1234567812345678}.
 *
 * <p>The SignatureValue is written as {@code r || s}, 32 bytes each, as XML Signature 1.1 writes ECDSA (§6.4.3), so an
 * SM2 signature looks like the P-256 ones beside it. GM/T 0009 tooling, which writes the ASN.1 sequence of (r, s), is
 * accepted too: the two are told apart by their length. Public because Santuario creates it by reflection.
 */
public final class Sm2Sm3SignatureMethod extends SignatureAlgorithmSpi {

    /**
     * No XML Signature URI is registered for SM2 (IANA "XML Security URIs", RFC 9231, has none): the exchange uses
     * this one, in the style of RFC 9231's {@code xmldsig-more} identifiers.
     */
    public static final String URI = "http://www.w3.org/2007/05/xmldsig-more#sm2-sm3";
    private static final String JCA_NAME = "SM3withSM2";

    private final Signature signature;

    public Sm2Sm3SignatureMethod() throws XMLSignatureException {
        this(null);
    }

    /** Santuario passes the provider a caller asked for; SM2 is always BouncyCastle's. */
    public Sm2Sm3SignatureMethod(Provider ignored) throws XMLSignatureException {
        try {
            signature = Signature.getInstance(JCA_NAME, BouncyCastle.PROVIDER);
            signature.setParameter(new SM2ParameterSpec(JwsAlgorithm.SM2_DEFAULT_USER_ID));
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected String engineGetURI() {
        return URI;
    }

    @Override
    protected String engineGetJCEAlgorithmString() {
        return JCA_NAME;
    }

    @Override
    protected String engineGetJCEProviderName() {
        return BouncyCastle.PROVIDER.getName();
    }

    @Override
    protected void engineUpdate(byte[] input) throws XMLSignatureException {
        engineUpdate(input, 0, input.length);
    }

    @Override
    protected void engineUpdate(byte input) throws XMLSignatureException {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] buffer, int offset, int length) throws XMLSignatureException {
        try {
            signature.update(buffer, offset, length);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitSign(Key key) throws XMLSignatureException {
        engineInitSign(key, (SecureRandom) null);
    }

    @Override
    protected void engineInitSign(Key key, SecureRandom random) throws XMLSignatureException {
        if (!(key instanceof PrivateKey privateKey)) {
            throw new XMLSignatureException("algorithms.WrongKeyForThisOperation",
                    new Object[] {key == null ? null : key.getClass().getName(), PrivateKey.class.getName()});
        }
        try {
            if (random == null) {
                signature.initSign(privateKey);
            } else {
                signature.initSign(privateKey, random);
            }
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitSign(Key key, AlgorithmParameterSpec parameters) throws XMLSignatureException {
        engineSetParameter(parameters);
        engineInitSign(key);
    }

    @Override
    protected byte[] engineSign() throws XMLSignatureException {
        try {
            return EcSignatureEncoding.toConcatenated(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineInitVerify(Key key) throws XMLSignatureException {
        if (!(key instanceof PublicKey publicKey)) {
            throw new XMLSignatureException("algorithms.WrongKeyForThisOperation",
                    new Object[] {key == null ? null : key.getClass().getName(), PublicKey.class.getName()});
        }
        try {
            signature.initVerify(publicKey);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected boolean engineVerify(byte[] value) throws XMLSignatureException {
        try {
            return signature.verify(value.length == 2 * EcSignatureEncoding.COORDINATE_BYTES
                    ? EcSignatureEncoding.toDer(value) : value);
        } catch (GeneralSecurityException | IOException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec parameters) throws XMLSignatureException {
        try {
            signature.setParameter(parameters);
        } catch (GeneralSecurityException e) {
            throw new XMLSignatureException(e);
        }
    }

    @Override
    protected void engineSetHMACOutputLength(int length) throws XMLSignatureException {
        throw new XMLSignatureException("algorithms.HMACOutputLengthOnlyForHMAC");
    }
}
