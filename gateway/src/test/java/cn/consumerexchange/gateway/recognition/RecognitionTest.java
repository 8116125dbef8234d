package cn.consumerexchange.gateway.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;
import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;

class RecognitionTest {

    static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);
    static final MessageKey KEY = new MessageKey("N12315", "N-1");

    final SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.SM2SM3);
    final PartnerCertificates certificates = mock(PartnerCertificates.class);
    final SignatureVerdicts verdicts = mock(SignatureVerdicts.class);
    final Recognition recognition = new Recognition(certificates, new SignatureVerifier(), verdicts,
            new RecognitionSettings(Set.of(MessageKind.MEDIATION_RESULT)), Clock.systemUTC());
    final Partner sender = new Partner("N12315", "SAMR-12315", "12315", List.of(), "n12315-json", Transport.AMQP,
            "in", "replies", "out", null, true, null, null, "certificates/n12315.pem", null);

    RecognitionTest() {
        when(certificates.of("N12315")).thenReturn(Optional.of(authority.registered()));
    }

    @Test
    void signedMessageIsCheckedWhateverItsType() {
        String signature = authority.sign(PAYLOAD);

        assertThat(recognition.check(sender, PAYLOAD, signature, MessageKind.COMPLAINT)).hasValueSatisfying(
                checked -> {
                    assertThat(checked.signature()).isEqualTo(signature);
                    assertThat(checked.verdict().outcome()).isEqualTo(Outcome.VERIFIED);
                });
    }

    @Test
    void unsignedMessageIsRecordedUnsignedOnlyWhenItsTypeNeedsRecognition() {
        assertThat(recognition.check(sender, PAYLOAD, null, MessageKind.COMPLAINT)).isEmpty();
        assertThat(recognition.check(sender, PAYLOAD, null, MessageKind.MEDIATION_RESULT))
                .map(checked -> checked.verdict().outcome()).hasValue(Outcome.UNSIGNED);
    }

    @Test
    void overlongSignatureIsInvalidAndNotKept() {
        String huge = "e".repeat(Recognition.MAX_SIGNATURE_CHARS + 1);

        assertThat(recognition.check(sender, PAYLOAD, huge, MessageKind.MEDIATION_RESULT)).hasValueSatisfying(
                checked -> {
                    assertThat(checked.signature()).isNull();
                    assertThat(checked.verdict().outcome()).isEqualTo(Outcome.INVALID);
                });
    }

    @Test
    void httpAndJmsReceiversGetTheVerdictAndTheSignatureAsSent() {
        when(verdicts.find(KEY)).thenReturn(Optional.of(new CheckedSignature("h..s",
                new SignatureVerdict(Outcome.CERTIFICATE_EXPIRED, "expired"))));

        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.HTTP))
                .containsEntry("X-Signature-Verdict", "CERTIFICATE_EXPIRED").containsEntry("X-Signature", "h..s");
        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.JMS))
                .containsEntry("signatureVerdict", "CERTIFICATE_EXPIRED").containsEntry("signature", "h..s");
    }

    @Test
    void messageWithoutRecordedVerdictGoesUnsigned() {
        when(verdicts.find(KEY)).thenReturn(Optional.empty());

        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.HTTP))
                .containsExactly(Map.entry("X-Signature-Verdict", "UNSIGNED"));
    }

    @Test
    void otherTypesAndOtherTransportsAreLeftAsTheyWere() {
        assertThat(deliveryHeaders(MessageKind.COMPLAINT, Transport.HTTP)).isEmpty();
        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.AMQP)).isEmpty();
        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.FILE)).isEmpty();
    }

    Map<String, Object> deliveryHeaders(MessageKind type, Transport transport) {
        Map<String, Object> headers = new HashMap<>();
        recognition.addToDelivery(KEY, type, transport, headers);
        return headers;
    }
}
