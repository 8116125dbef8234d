package cn.consumerexchange.gateway.recognition;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A partner authority for tests: a key pair of one algorithm, a self-signed certificate for it, and detached JWS
 * signatures and enveloped XML signatures made as a partner's system would make them.
 */
final class SigningAuthority {

    private final JwsAlgorithm algorithm;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private SigningAuthority(JwsAlgorithm algorithm, KeyPair keys, X509Certificate certificate) {
        this.algorithm = algorithm;
        this.keys = keys;
        this.certificate = certificate;
    }

    /** An authority whose certificate is valid from a day ago for a year. */
    static SigningAuthority of(JwsAlgorithm algorithm) {
        Instant now = Instant.now();
        return validBetween(algorithm, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    static SigningAuthority validBetween(JwsAlgorithm algorithm, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = generate(algorithm);
            X500Name name = new X500Name("CN=Test authority " + algorithm + ",O=SAMR,C=CN");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name,
                    keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(contentSigner(algorithm, keys)));
            return new SigningAuthority(algorithm, keys, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detached JWS of {@code payload}: {@code header..signature}. */
    String sign(byte[] payload) {
        String header = base64url(("{\"alg\":\"" + algorithm + "\"}").getBytes(StandardCharsets.UTF_8));
        String input = header + "." + base64url(payload);
        try {
            Signature signer = Signature.getInstance(jcaName(algorithm), BouncyCastle.PROVIDER);
            if (algorithm == JwsAlgorithm.SM2SM3) {
                signer.setParameter(new SM2ParameterSpec(JwsAlgorithm.SM2_DEFAULT_USER_ID));
            }
            signer.initSign(keys.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            byte[] signature = signer.sign();
            return header + ".." + base64url(algorithm == JwsAlgorithm.RS256 ? signature : concatenatedRs(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The document with this authority's enveloped XML signature appended to its root: one reference to the whole
     * document, enveloped-signature transform and exclusive canonicalisation, SHA-256 digest, no KeyInfo.
     */
    byte[] signXml(byte[] xml) {
        return signXml(xml, "");
    }

    /** As {@link #signXml(byte[])}, the reference pointing at {@code referenceUri}. */
    byte[] signXml(byte[] xml, String referenceUri) {
        String method = switch (algorithm) {
            case RS256 -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            case ES256 -> XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
            case SM2SM3 -> Sm2Sm3SignatureMethod.URI;
        };
        try {
            // Santuario initialised, SM2 registered.
            EnvelopedXmlSignature.METHODS.size();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList elements = document.getElementsByTagName("*");
            for (int i = 0; i < elements.getLength(); i++) {
                Element element = (Element) elements.item(i);
                if (element.hasAttribute("Id")) {
                    element.setIdAttribute("Id", true);
                }
            }
            XMLSignature signature = new XMLSignature(document, "", method,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument(referenceUri, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.sign(keys.getPrivate());
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document),
                    new StreamResult(signed));
            return signed.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the document", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    PartnerCertificate registered() {
        return new PartnerCertificate(certificate, Optional.empty());
    }

    /** The certificate with a revocation list, issued by this authority, that revokes it at {@code when}. */
    PartnerCertificate revokedAt(Instant when) {
        return new PartnerCertificate(certificate, Optional.of(crlRevoking(when)));
    }

    X509CRL crlRevoking(Instant when) {
        try {
            X509v2CRLBuilder crl = new X509v2CRLBuilder(new X500Name(certificate.getIssuerX500Principal().getName()),
                    Date.from(Instant.now()));
            crl.addCRLEntry(certificate.getSerialNumber(), Date.from(when), CRLReason.keyCompromise);
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCRL(crl.build(contentSigner(algorithm, keys)));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(Object certificateOrCrl) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificateOrCrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static KeyPair generate(JwsAlgorithm algorithm) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm == JwsAlgorithm.RS256 ? "RSA" : "EC",
                BouncyCastle.PROVIDER);
        switch (algorithm) {
            case RS256 -> generator.initialize(2048);
            case ES256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            case SM2SM3 -> generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        }
        return generator.generateKeyPair();
    }

    private static ContentSigner contentSigner(JwsAlgorithm algorithm, KeyPair keys) throws OperatorCreationException {
        return new JcaContentSignerBuilder(jcaName(algorithm)).setProvider(BouncyCastle.PROVIDER)
                .build(keys.getPrivate());
    }

    private static String jcaName(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256 -> "SHA256withRSA";
            case ES256 -> "SHA256withECDSA";
            case SM2SM3 -> "SM3withSM2";
        };
    }

    /** JWS carries (r, s) as two 32-byte numbers, not as the ASN.1 sequence JCA makes. */
    private static byte[] concatenatedRs(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] rs = new byte[64];
        copyRight(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), rs, 0);
        copyRight(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), rs, 32);
        return rs;
    }

    private static void copyRight(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
