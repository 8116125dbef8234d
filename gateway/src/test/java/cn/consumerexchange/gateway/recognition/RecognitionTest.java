package cn.consumerexchange.gateway.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.FormatSource;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.Endpoints;
import cn.consumerexchange.gateway.GatewayTestSupport;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.Transport;
import cn.consumerexchange.gateway.recognition.SignatureVerdict.Outcome;
import cn.consumerexchange.gateway.transfer.Sha256;
import cn.consumerexchange.gateway.web.ReceiverLinkSettings;
import cn.consumerexchange.gateway.web.ReceiverLinks;
import cn.consumerexchange.gateway.web.ReceiverLinks.Check;

class RecognitionTest {

    static final byte[] PAYLOAD = "{}".getBytes(StandardCharsets.UTF_8);
    static final MessageKey KEY = new MessageKey("N12315", "N-1");

    @TempDir
    Path outbound;

    final SigningAuthority authority = SigningAuthority.of(JwsAlgorithm.SM2SM3);
    final PartnerCertificates certificates = mock(PartnerCertificates.class);
    final SignatureVerdicts verdicts = mock(SignatureVerdicts.class);
    final SignedOriginals originals = mock(SignedOriginals.class);
    final RecognitionSettings settings = new RecognitionSettings(Set.of(MessageKind.MEDIATION_RESULT), 64,
            Duration.ofMinutes(5));
    final ReceiverLinks links = new ReceiverLinks(new ReceiverLinkSettings("https://gateway.test", "test-key"),
            Clock.systemUTC());
    final Recognition recognition = new Recognition(certificates, new SignatureVerifier(), verdicts, originals, links,
            new SignedOriginalFiles(), AdapterCatalog.discover(FormatSource.classpath("seeds")), settings,
            Clock.systemUTC());
    final Partner sender = partner("N12315", "n12315-json", Transport.AMQP, "out");
    final Partner shenzhen = partner("SZ", "gba-xml", Transport.JMS, "partner.SZ.outbound");

    RecognitionTest() {
        when(certificates.of("N12315")).thenReturn(Optional.of(authority.registered()));
        when(certificates.of("SZ")).thenReturn(Optional.of(authority.registered()));
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
    void xmlFormatsMessageIsCheckedForAnEnvelopedSignature() {
        byte[] signed = authority.signXml(GatewayTestSupport.sample("gba-xml/complaint-to-shanghai.xml")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(recognition.check(shenzhen, signed, null, MessageKind.COMPLAINT)).hasValueSatisfying(checked -> {
            assertThat(checked.signature()).as("the signature is in the document").isNull();
            assertThat(checked.verdict().outcome()).isEqualTo(Outcome.VERIFIED);
            assertThat(checked.verdict().detail()).contains("SM2-SM3 XML signature verified");
        });
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
    void httpReceiverGetsTheVerdictTheSignatureAndALinkToTheOriginal() {
        givenOriginal(PAYLOAD, "h..s", Outcome.CERTIFICATE_EXPIRED);

        Map<String, Object> headers = deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.HTTP);

        assertThat(headers).containsEntry("X-Signature-Verdict", "CERTIFICATE_EXPIRED")
                .containsEntry("X-Signature", "h..s")
                .containsEntry("X-Signed-Original-SHA256", Sha256.hex(PAYLOAD));
        assertThat((String) headers.get("X-Signed-Original"))
                .startsWith("https://gateway.test/api/signed-originals/N12315/N-1?receiver=RX&expires=");
    }

    @Test
    void queueReceiversGetTheOriginalInlineWhenSmallAndALinkWhenLarge() {
        givenOriginal(PAYLOAD, "h..s", Outcome.VERIFIED);

        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.JMS))
                .containsEntry("signatureVerdict", "VERIFIED").containsEntry("signature", "h..s")
                .containsEntry("signedOriginal", Base64.getEncoder().encodeToString(PAYLOAD))
                .doesNotContainKey("signedOriginalUrl");

        givenOriginal(new byte[65], null, Outcome.UNSIGNED);

        assertThat(deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.AMQP))
                .containsEntry("signatureVerdict", "UNSIGNED").doesNotContainKeys("signature", "signedOriginal")
                .containsKey("signedOriginalUrl");
    }

    @Test
    void fileReceiverGetsTheOriginalAndTheVerdictBesideTheFile() throws IOException {
        givenOriginal(PAYLOAD, "h..s", Outcome.INVALID);
        Map<String, Object> headers = new HashMap<>(Map.of(Endpoints.FILE_NAME_HEADER, "N12315_N-1-abc.csv"));

        recognition.addToDelivery(KEY, MessageKind.MEDIATION_RESULT, partner("RX", "hlj-csv", Transport.FILE,
                outbound.toString()), headers);

        assertThat(outbound.resolve("N12315_N-1-abc.csv.original")).hasBinaryContent(PAYLOAD);
        assertThat(Files.readString(outbound.resolve("N12315_N-1-abc.csv.verdict.json")))
                .contains("\"verdict\" : \"INVALID\"", "\"signature\" : \"h..s\"",
                        "\"originalSha256\" : \"" + Sha256.hex(PAYLOAD) + "\"");
    }

    @Test
    void linkToTheOriginalIsForItsReceiverAndMessageOnlyForTheLinkLifetime() {
        givenOriginal(PAYLOAD, "h..s", Outcome.VERIFIED);
        long before = Instant.now().getEpochSecond();

        String link = (String) deliveryHeaders(MessageKind.MEDIATION_RESULT, Transport.HTTP).get("X-Signed-Original");
        String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
        String token = link.replaceAll(".*token=", "");

        assertThat(Long.parseLong(expires) - before).isBetween(300L, 301L);
        assertThat(links.check("RX", expires, token, "signed-originals", "N12315", "N-1")).isEqualTo(Check.VALID);
        assertThat(links.check("SZ", expires, token, "signed-originals", "N12315", "N-1")).isEqualTo(Check.FORGED);
        assertThat(links.check("RX", expires, token, "signed-originals", "N12315", "N-2")).isEqualTo(Check.FORGED);
    }

    @Test
    void otherTypesAreLeftAsTheyWere() {
        assertThat(deliveryHeaders(MessageKind.COMPLAINT, Transport.HTTP)).isEmpty();
        assertThat(deliveryHeaders(MessageKind.COMPLAINT, Transport.AMQP)).isEmpty();
    }

    void givenOriginal(byte[] bytes, String signature, Outcome outcome) {
        when(originals.find(KEY)).thenReturn(Optional.of(new SignedOriginal(bytes, "application/json",
                new CheckedSignature(signature, new SignatureVerdict(outcome, "why")))));
    }

    Map<String, Object> deliveryHeaders(MessageKind type, Transport transport) {
        Map<String, Object> headers = new HashMap<>();
        recognition.addToDelivery(KEY, type, partner("RX", "yrd-json", transport, "out"), headers);
        return headers;
    }

    static Partner partner(String code, String format, Transport transport, String outbound) {
        return new Partner(code, "AUTH-" + code, code, List.of(), format, transport, "in", "replies", outbound, null,
                true, null, null, "certificates/" + code + ".pem", null);
    }
}
