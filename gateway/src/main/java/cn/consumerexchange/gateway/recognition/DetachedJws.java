package cn.consumerexchange.gateway.recognition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JWS with detached content (RFC 7515 appendix F): {@code header..signature}. The content is the message's bytes
 * exactly as they crossed the wire; the signing input is {@code header || '.' || BASE64URL(message)}.
 */
record DetachedJws(String encodedHeader, JwsAlgorithm algorithm, byte[] signature) {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the compact form.
     *
     * @throws MalformedSignatureException when it is not a detached JWS of an algorithm the exchange accepts
     */
    static DetachedJws parse(String compact) {
        String[] parts = compact.trim().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            throw new MalformedSignatureException("Not a detached JWS: expected header..signature");
        }
        if (!BASE64URL.matcher(parts[0]).matches() || !BASE64URL.matcher(parts[2]).matches()) {
            throw new MalformedSignatureException("The JWS header or signature is not unpadded base64url");
        }
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedSignatureException("The JWS header is not JSON");
        }
        if (header == null || !header.isObject()) {
            throw new MalformedSignatureException("The JWS header is not a JSON object");
        }
        // Extensions we do not understand (b64=false, say) would change what was signed: refused, as RFC 7515 §4.1.11.
        if (header.has("crit")) {
            throw new MalformedSignatureException("The JWS header has critical extensions the exchange does not know");
        }
        String alg = header.path("alg").asText("");
        JwsAlgorithm algorithm;
        try {
            algorithm = JwsAlgorithm.valueOf(alg);
        } catch (IllegalArgumentException unknown) {
            throw new MalformedSignatureException("The JWS algorithm '" + alg + "' is not one of RS256, ES256, SM2SM3");
        }
        try {
            return new DetachedJws(parts[0], algorithm, Base64.getUrlDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new MalformedSignatureException("The JWS signature is not base64url");
        }
    }

    /** What the sender signed: the header and the message as sent, base64url-encoded. */
    byte[] signingInput(byte[] payload) {
        return (encodedHeader + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
