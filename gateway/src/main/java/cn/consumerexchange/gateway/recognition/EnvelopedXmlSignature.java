package cn.consumerexchange.gateway.recognition;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.AlgorithmAlreadyRegisteredException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.HardenedXmlParser;

/**
 * An XML Signature (XML-DSig) enveloped in a partner's native XML document: a {@code ds:Signature} child of the root,
 * whose one reference ({@code URI=""}) covers the whole document less the signature, with the enveloped-signature
 * transform and exclusive canonicalisation only. Checked with Apache Santuario's secure validation on. The key is the
 * one of the partner's registered certificate: whatever {@code KeyInfo} says is ignored, so a signature cannot bring
 * its own key.
 */
final class EnvelopedXmlSignature {

    /** The signature methods the exchange accepts, by URI, with the names verdicts give them. */
    static final Map<String, String> METHODS = Map.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, "RSA-SHA256",
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256, "ECDSA-SHA256",
            Sm2Sm3SignatureMethod.URI, "SM2-SM3");
    private static final byte[] SIGNATURE_NAMESPACE = Constants.SignatureSpecNS.getBytes(StandardCharsets.US_ASCII);
    private static final String EXCLUSIVE_C14N = Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS;
    private static final HardenedXmlParser PARSER = new HardenedXmlParser(ContractCodec.DEFAULT_MAX_DOCUMENT_BYTES,
            ContractCodec.DEFAULT_MAX_ELEMENT_DEPTH);

    static {
        Init.init();
        try {
            SignatureAlgorithm.register(Sm2Sm3SignatureMethod.URI, Sm2Sm3SignatureMethod.class);
        } catch (AlgorithmAlreadyRegisteredException alreadyThere) {
            // Registered by an earlier class loader of the same Santuario: the same class does the work.
        } catch (ReflectiveOperationException | XMLSecurityException e) {
            throw new IllegalStateException("Cannot register SM2 with SM3 as an XML Signature method", e);
        }
    }

    private final XMLSignature signature;
    private final String method;

    private EnvelopedXmlSignature(XMLSignature signature, String method) {
        this.signature = signature;
        this.method = method;
    }

    /**
     * The enveloped signature of an XML document, or empty when its root has no {@code ds:Signature} child (or it is
     * not XML the exchange reads).
     *
     * @throws MalformedSignatureException when there is a signature but not one of the shape the exchange accepts
     */
    static Optional<EnvelopedXmlSignature> of(byte[] xml) {
        // Most messages are unsigned: without the namespace there is no signature, and no need to parse.
        if (!contains(xml, SIGNATURE_NAMESPACE)) {
            return Optional.empty();
        }
        Element root;
        try {
            root = PARSER.parse(xml).getDocumentElement();
        } catch (ContractViolationException notXmlWeRead) {
            return Optional.empty();
        }
        List<Element> signatures = new ArrayList<>();
        for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && Constants.SignatureSpecNS.equals(element.getNamespaceURI())
                    && "Signature".equals(element.getLocalName())) {
                signatures.add(element);
            }
        }
        if (signatures.isEmpty()) {
            return Optional.empty();
        }
        if (signatures.size() > 1) {
            throw new MalformedSignatureException("The document carries " + signatures.size()
                    + " XML signatures; the issuing authority's is the only one expected");
        }
        return Optional.of(read(signatures.get(0)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static EnvelopedXmlSignature read(Element element) {
        try {
            XMLSignature signature = new XMLSignature(element, "", true);
            SignedInfo signedInfo = signature.getSignedInfo();
            String method = METHODS.get(signedInfo.getSignatureMethodURI());
            if (method == null) {
                throw new MalformedSignatureException("The XML signature method " + signedInfo.getSignatureMethodURI()
                        + " is not one of " + String.join(", ", METHODS.keySet()));
            }
            if (!EXCLUSIVE_C14N.equals(signedInfo.getCanonicalizationMethodURI())) {
                throw new MalformedSignatureException("The XML signature's canonicalisation must be " + EXCLUSIVE_C14N
                        + ", not " + signedInfo.getCanonicalizationMethodURI());
            }
            if (signedInfo.getLength() != 1) {
                throw new MalformedSignatureException("The XML signature must have exactly one reference, not "
                        + signedInfo.getLength());
            }
            checkReference(signedInfo.item(0));
            return new EnvelopedXmlSignature(signature, method);
        } catch (XMLSecurityException e) {
            throw new MalformedSignatureException("The XML signature cannot be read: " + e.getMessage());
        }
    }

    /** Only the whole document, as the enveloped-signature transform leaves it, may be what was signed. */
    private static void checkReference(Reference reference) throws XMLSecurityException {
        if (!"".equals(reference.getURI())) {
            throw new MalformedSignatureException("The XML signature's reference must be URI=\"\" (the whole "
                    + "document), not " + (reference.getURI() == null ? "absent" : "\"" + reference.getURI() + "\""));
        }
        if (!MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256.equals(reference.getMessageDigestAlgorithm().getAlgorithmURI())) {
            throw new MalformedSignatureException("The XML signature's digest must be "
                    + MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256 + ", not "
                    + reference.getMessageDigestAlgorithm().getAlgorithmURI());
        }
        Transforms transforms = reference.getTransforms();
        int count = transforms == null ? 0 : transforms.getLength();
        boolean allowed = count >= 1 && count <= 2
                && Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(transforms.item(0).getURI())
                && (count == 1 || EXCLUSIVE_C14N.equals(transforms.item(1).getURI()));
        if (!allowed) {
            throw new MalformedSignatureException("The XML signature's transforms must be the enveloped-signature "
                    + "transform, optionally followed by exclusive canonicalisation, and nothing else");
        }
    }

    /** The name of the signature method, as verdicts give it, e.g. {@code SM2-SM3}. */
    String method() {
        return method;
    }

    /** Whether the signature value and the document's digest both verify with {@code key}. */
    boolean verifies(PublicKey key) {
        try {
            return signature.checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException wrongKeyOrValue) {
            return false;
        }
    }
}
