package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type has a valid sample, which reads, validates and survives a round trip unchanged. */
class ValidSamplesTest {

    private final ContractCodec codec = ContractCodec.standard();
    private final ContractValidator validator = new ContractValidator(DivisionCodes.fromClasspath(), Samples.CLOCK);

    static Stream<String> messageTypes() {
        return Samples.MESSAGE_TYPES.stream();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void readsWithoutViolations(String type) {
        ExchangeMessage message = codec.read(Samples.valid(type));

        assertThat(validator.validate(message)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void carriesTheBodyItsEnvelopeNames(String type) {
        ExchangeMessage message = codec.read(Samples.valid(type));

        MessageKind kind = type.startsWith("complaint") ? MessageKind.COMPLAINT
                : MessageKind.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
        assertThat(message.getEnvelope().getMessageType()).isEqualTo(kind);
        assertThat(MessageBodies.kindsPresent(message)).containsExactly(kind);
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void writesTheContentItRead(String type) throws Exception {
        byte[] written = codec.write(codec.read(Samples.valid(type)));

        assertThat(XmlDocuments.contentOf(written).isEqualNode(XmlDocuments.contentOf(Samples.valid(type))))
                .as("content of the written %s", type)
                .isTrue();
    }

    @ParameterizedTest
    @MethodSource("messageTypes")
    void rewritesWhatItWroteByteForByte(String type) {
        byte[] written = codec.write(codec.read(Samples.valid(type)));

        assertThat(codec.write(codec.read(written))).isEqualTo(written);
    }
}
