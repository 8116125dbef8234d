package cn.consumerexchange.gateway.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;

class SignatureVerifierTest {

    static final byte[] MEDIATION = "{\"msgType\":\"MEDIATION_RESULT\",\"result\":\"调解成功\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.now();

    final SignatureVerifier verifier = new SignatureVerifier();

    SignatureVerdict verify(byte[] payload, String signature, PartnerCertificate certificate) {
        return verifier.verify(payload, signature, Optional.of(certificate), NOW);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void signatureOfTheMessageAsSentIsVerified(JwsAlgorithm algorithm) {
        SigningAuthority authority = SigningAuthority.of(algorithm);

        SignatureVerdict verdict = verify(MEDIATION, authority.sign(MEDIATION), authority.registered());

        assertThat(verdict.outcome()).isEqualTo(Outcome.VERIFIED);
        assertThat(verdict.recognised()).isTrue();
        assertThat(verdict.detail()).contains(algorithm.name(), "Test authority");
    }

    @Nested
    class Forged {

        @ParameterizedTest
        @EnumSource(JwsAlgorithm.class)
        void changedMessageIsInvalid(JwsAlgorithm algorithm) {
            SigningAuthority authority = SigningAuthority.of(algorithm);
            String signature = authority.sign(MEDIATION);
            byte[] changed = new String(MEDIATION, StandardCharsets.UTF_8).replace("调解成功", "调解失败")
                    .getBytes(StandardCharsets.UTF_8);

            SignatureVerdict verdict = verify(changed, signature, authority.registered());

            assertThat(verdict.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(verdict.recognised()).isFalse();
            assertThat(verdict.detail()).contains("does not match");
        }

        @ParameterizedTest
        @EnumSource(JwsAlgorithm.class)
        void signatureByAnotherKeyIsInvalid(JwsAlgorithm algorithm) {
            SigningAuthority registered = SigningAuthority.of(algorithm);
            SigningAuthority impostor = SigningAuthority.of(algorithm);

            assertThat(verify(MEDIATION, impostor.sign(MEDIATION), registered.registered()).outcome())
                    .isEqualTo(Outcome.INVALID);
        }

        @Test
        void algorithmOtherThanTheCertificatesKeyIsInvalid() {
            SigningAuthority sm2 = SigningAuthority.of(JwsAlgorithm.SM2SM3);
            String relabelled = sm2.sign(MEDIATION).replaceFirst("^[^.]+", base64url("{\"alg\":\"ES256\"}"));

            assertThat(verify(MEDIATION, relabelled, sm2.registered()).outcome()).isEqualTo(Outcome.INVALID);
        }

        @Test
        void expiredCertificateDoesNotExcuseAForgery() {
            SigningAuthority expired = SigningAuthority.validBetween(JwsAlgorithm.SM2SM3,
                    NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(1)));

            assertThat(verify(MEDIATION, SigningAuthority.of(JwsAlgorithm.SM2SM3).sign(MEDIATION),
                    expired.registered()).outcome()).isEqualTo(Outcome.INVALID);
        }
    }

    @Nested
    class Certificate {

        @ParameterizedTest
        @EnumSource(value = JwsAlgorithm.class, names = {"SM2SM3", "ES256"})
        void expiredAtArrivalIsCertificateExpired(JwsAlgorithm algorithm) {
            SigningAuthority expired = SigningAuthority.validBetween(algorithm, NOW.minus(Duration.ofDays(30)),
                    NOW.minus(Duration.ofDays(1)));

            SignatureVerdict verdict = verify(MEDIATION, expired.sign(MEDIATION), expired.registered());

            assertThat(verdict.outcome()).isEqualTo(Outcome.CERTIFICATE_EXPIRED);
            assertThat(verdict.recognised()).isFalse();
            assertThat(verdict.detail()).contains("not at the message's arrival");
        }

        @Test
        void notYetValidAtArrivalIsCertificateExpired() {
            SigningAuthority early = SigningAuthority.validBetween(JwsAlgorithm.SM2SM3, NOW.plus(Duration.ofDays(1)),
                    NOW.plus(Duration.ofDays(30)));

            assertThat(verify(MEDIATION, early.sign(MEDIATION), early.registered()).outcome())
                    .isEqualTo(Outcome.CERTIFICATE_EXPIRED);
        }

        @Test
        void revokedBeforeArrivalIsCertificateRevoked() {
            SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.SM2SM3);

            SignatureVerdict verdict = verify(MEDIATION, authority.sign(MEDIATION),
                    authority.revokedAt(NOW.minus(Duration.ofHours(1))));

            assertThat(verdict.outcome()).isEqualTo(Outcome.CERTIFICATE_REVOKED);
            assertThat(verdict.detail()).contains("revoked on");
        }

        @Test
        void revokedOnlyAfterArrivalStillVerifies() {
            SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.RS256);

            assertThat(verify(MEDIATION, authority.sign(MEDIATION),
                    authority.revokedAt(NOW.plus(Duration.ofHours(1)))).outcome()).isEqualTo(Outcome.VERIFIED);
        }

        @Test
        void signedMessageOfAPartnerWithoutCertificateIsNoCertificate() {
            String signature = SigningAuthority.of(JwsAlgorithm.ES256).sign(MEDIATION);

            assertThat(verifier.verify(MEDIATION, signature, Optional.empty(), NOW).outcome())
                    .isEqualTo(Outcome.NO_CERTIFICATE);
        }
    }

    @Nested
    class Unsigned {

        @Test
        void messageWithoutSignatureIsUnsigned() {
            PartnerCertificate registered = SigningAuthority.of(JwsAlgorithm.SM2SM3).registered();

            assertThat(verify(MEDIATION, null, registered).outcome()).isEqualTo(Outcome.UNSIGNED);
            assertThat(verify(MEDIATION, " ", registered).outcome()).isEqualTo(Outcome.UNSIGNED);
        }
    }

    @Nested
    class Malformed {

        final PartnerCertificate registered = SigningAuthority.of(JwsAlgorithm.ES256).registered();

        @Test
        void attachedPayloadIsNotADetachedJws() {
            String detached = SigningAuthority.of(JwsAlgorithm.ES256).sign(MEDIATION);
            String attached = detached.replace("..", "." + base64url("x") + ".");

            assertThat(verify(MEDIATION, attached, registered))
                    .isEqualTo(new SignatureVerdict(Outcome.INVALID, "Not a detached JWS: expected header..signature"));
        }

        @Test
        void algorithmNoneIsRefused() {
            SignatureVerdict verdict = verify(MEDIATION, base64url("{\"alg\":\"none\"}") + "..AAAA", registered);

            assertThat(verdict.outcome()).isEqualTo(Outcome.INVALID);
            assertThat(verdict.detail()).contains("'none' is not one of RS256, ES256, SM2SM3");
        }

        @Test
        void criticalExtensionIsRefused() {
            String header = base64url("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}");

            assertThat(verify(MEDIATION, header + "..AAAA", registered).detail()).contains("critical extensions");
        }

        @Test
        void headerThatIsNotJsonIsInvalid() {
            assertThat(verify(MEDIATION, base64url("alg=ES256") + "..AAAA", registered).outcome())
                    .isEqualTo(Outcome.INVALID);
        }
    }

    static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
