package cn.consumerexchange.gateway.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;

/** XML Signatures enveloped in the XML formats' native documents (gba-xml, hkmo-xml). */
class EnvelopedXmlSignatureTest {

    static final byte[] GBA = GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] HKMO = GatewayTestSupport.sample("hkmo-xml/complaint-to-shenzhen.xml")
            .getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.now();

    final SignatureVerifier verifier = new SignatureVerifier();

    SignatureVerdict verify(byte[] xml, PartnerCertificate certificate) {
        return verifier.verifyEnveloped(xml, Optional.of(certificate), NOW);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void documentSignedByTheRegisteredKeyIsVerified(JwsAlgorithm algorithm) {
        SigningAuthority authority = SigningAuthority.of(algorithm);

        SignatureVerdict verdict = verify(authority.signXml(GBA), authority.registered());

        assertThat(verdict.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verdict.detail()).contains("XML signature verified", "Test authority " + algorithm);
    }

    @Test
    void sm2SignatureValueIsRAndSConcatenated() {
        SigningAuthority sm2 = SigningAuthority.of(JwsAlgorithm.SM2SM3);
        String signed = new String(sm2.signXml(GBA), StandardCharsets.UTF_8);
        String value = signed.replaceAll("(?s).*<ds:SignatureValue>(.*)</ds:SignatureValue>.*", "$1")
                .replaceAll("&#[xX]?[0-9a-fA-F]+;", "").replaceAll("\\s", "");

        assertThat(java.util.Base64.getDecoder().decode(value)).hasSize(64);
        assertThat(signed).contains("Algorithm=\"" + Sm2Sm3SignatureMethod.URI + "\"");
    }

    @Nested
    class Forged {

        @ParameterizedTest
        @EnumSource(value = JwsAlgorithm.class, names = {"SM2SM3", "ES256"})
        void contentEditedAfterSigningIsInvalid(JwsAlgorithm algorithm) {
            SigningAuthority authority = SigningAuthority.of(algorithm);
            byte[] edited = new String(authority.signXml(GBA), StandardCharsets.UTF_8).replace("1299.00", "12.99")
                    .getBytes(StandardCharsets.UTF_8);

            SignatureVerdict verdict = verify(edited, authority.registered());

            assertThat(verdict.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(verdict.detail()).contains("does not match the document");
        }

        @ParameterizedTest
        @EnumSource(value = JwsAlgorithm.class, names = {"SM2SM3", "RS256"})
        void signedByAnotherKeyIsInvalid(JwsAlgorithm algorithm) {
            SigningAuthority registered = SigningAuthority.of(algorithm);
            SigningAuthority impostor = SigningAuthority.of(algorithm);

            assertThat(verify(impostor.signXml(GBA), registered.registered()).outcome()).isEqualTo(Outcome.INVALID);
        }

        @Test
        void referenceToLessThanTheWholeDocumentIsInvalid() {
            SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.ES256);
            byte[] partial = authority.signXml(new String(GBA, StandardCharsets.UTF_8)
                    .replace("<complaint>", "<complaint Id=\"part\">").getBytes(StandardCharsets.UTF_8), "#part");

            SignatureVerdict verdict = verify(partial, authority.registered());

            assertThat(verdict.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(verdict.detail()).contains("URI=\"\"");
        }

        @Test
        void secondSignatureIsInvalid() {
            SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.SM2SM3);

            assertThat(verify(authority.signXml(authority.signXml(GBA)), authority.registered()).detail())
                    .contains("2 XML signatures");
        }
    }

    @Nested
    class Certificate {

        @Test
        void expiredAtArrivalIsCertificateExpired() {
            SigningAuthority expired = SigningAuthority.validBetween(JwsAlgorithm.SM2SM3,
                    NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));

            assertThat(verify(expired.signXml(GBA), expired.registered()).outcome())
                    .isEqualTo(Outcome.CERTIFICATE_EXPIRED);
        }

        @Test
        void revokedBeforeArrivalIsCertificateRevoked() {
            SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.RS256);

            assertThat(verify(authority.signXml(GBA), authority.revokedAt(NOW.minus(Duration.ofHours(1)))).outcome())
                    .isEqualTo(Outcome.CERTIFICATE_REVOKED);
        }

        @Test
        void signedDocumentOfAPartnerWithoutCertificateIsNoCertificate() {
            byte[] signed = SigningAuthority.of(JwsAlgorithm.ES256).signXml(GBA);

            assertThat(verifier.verifyEnveloped(signed, Optional.empty(), NOW).outcome())
                    .isEqualTo(Outcome.NO_CERTIFICATE);
        }
    }

    @Test
    void documentWithoutSignatureIsUnsigned() {
        assertThat(verify(GBA, SigningAuthority.of(JwsAlgorithm.SM2SM3).registered()).outcome())
                .isEqualTo(Outcome.UNSIGNED);
    }

    /** The formats read a signed document as they read it unsigned: the signature is not part of the case. */
    @Nested
    class Formats {

        final AdapterCatalog adapters = AdapterCatalog.discover(FormatSource.classpath("seeds"));

        @Test
        void gbaXmlIgnoresTheSignature() {
            assertSameContract("gba-xml", GBA);
        }

        @Test
        void hkmoXmlIgnoresTheSignature() {
            assertSameContract("hkmo-xml", HKMO);
        }

        void assertSameContract(String format, byte[] unsigned) {
            byte[] signed = SigningAuthority.of(JwsAlgorithm.SM2SM3).signXml(unsigned);
            ExchangeMessage fromSigned = adapters.forFormat(format).toContract(signed);
            ExchangeMessage fromUnsigned = adapters.forFormat(format).toContract(unsigned);

            assertThat(fromSigned).usingRecursiveComparison().isEqualTo(fromUnsigned);
        }
    }
}
