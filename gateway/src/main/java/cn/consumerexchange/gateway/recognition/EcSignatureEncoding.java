package cn.consumerexchange.gateway.recognition;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * The two encodings of an (r, s) signature over a 256-bit curve (ECDSA P-256, SM2): JCA's ASN.1 sequence, and the
 * {@code r || s} of 32 bytes each that JWS (RFC 7518 §3.4) and XML Signature 1.1 (§6.4.3) carry.
 */
final class EcSignatureEncoding {

    static final int COORDINATE_BYTES = 32;

    private EcSignatureEncoding() {
    }

    static byte[] toDer(byte[] rs) throws IOException {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(rs, 0, COORDINATE_BYTES));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, COORDINATE_BYTES, rs.length));
        return new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(s)}).getEncoded();
    }

    static byte[] toConcatenated(byte[] der) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] rs = new byte[2 * COORDINATE_BYTES];
        copyRight(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), rs, 0);
        copyRight(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), rs, COORDINATE_BYTES);
        return rs;
    }

    private static void copyRight(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - length, into, offset + COORDINATE_BYTES - length, length);
    }
}
