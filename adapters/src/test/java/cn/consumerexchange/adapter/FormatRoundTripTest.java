package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractValidator;
import cn.consumerexchange.contract.DivisionCodes;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/** Every format, Java and declarative, translates both ways without changing what a message says. */
class FormatRoundTripTest {

    static final AdapterCatalog CATALOG = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);
    static final List<String> FORMATS = List.of("gba-xml", "yrd-json", "hkmo-xml", "hlj-csv", "n12315-json");
    /** One contract sample per message type a partner sends, plus a complaint that carries a report (举报). */
    static final List<String> CONTRACT_SAMPLES = List.of("complaint", "complaint-with-report", "evidence",
            "investigation-record", "mediation-result", "status-update", "return-request", "return-decision",
            "return-settlement", "report");

    /** Checks the samples on the day they were written: none may lie in the future. */
    static final ContractValidator RULES = new ContractValidator(DivisionCodes.fromClasspath(),
            Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC));

    final ContractCodec codec = ContractCodec.standard();

    /** Every valid native sample of every built-in format: the files of {@code seeds/samples/<format>/} not named
     * {@code invalid-…}. */
    static Stream<Arguments> nativeSamples() {
        return FORMATS.stream().flatMap(format -> Samples.names(format).stream()
                .filter(name -> !name.startsWith("invalid-"))
                .map(name -> Arguments.of(format, format + "/" + name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nativeSamples")
    void nativeSampleSurvivesNativeContractNativeContract(String format, String sample) {
        PartnerAdapter adapter = CATALOG.forFormat(format);
        ExchangeMessage read = adapter.toContract(Samples.bytes(sample));

        ExchangeMessage again = adapter.toContract(adapter.toNative(read));

        assertThat(new String(codec.write(again), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.write(read), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("nativeSamples")
    void validSampleKeepsEveryContractRule(String format, String sample) {
        ExchangeMessage read = CATALOG.forFormat(format).toContract(Samples.bytes(sample));

        assertThat(RULES.validate(read)).isEmpty();
    }

    static Stream<Arguments> carriedContractSamples() {
        return FORMATS.stream().flatMap(format -> CONTRACT_SAMPLES.stream()
                .filter(sample -> carries(CATALOG.forFormat(format), sample))
                .map(sample -> Arguments.of(format, sample)));
    }

    @ParameterizedTest(name = "{0}: contract/{1}.xml")
    @MethodSource("carriedContractSamples")
    void contractSampleSurvivesContractNativeContract(String format, String sample) {
        PartnerAdapter adapter = CATALOG.forFormat(format);
        ExchangeMessage original = codec.read(Samples.bytes("contract/" + sample + ".xml"));

        ExchangeMessage again = adapter.toContract(adapter.toNative(original));

        assertThat(new String(codec.write(again), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.write(original), StandardCharsets.UTF_8));
    }

    static Stream<Arguments> everyState() {
        return FORMATS.stream().flatMap(format -> Stream.of(CaseState.values())
                .map(state -> Arguments.of(format, state)));
    }

    /** Every format writes and reads every case state, each with a ground as the states that need one have. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyState")
    void everyCaseStateSurvivesContractNativeContract(String format, CaseState state) {
        PartnerAdapter adapter = CATALOG.forFormat(format);
        ExchangeMessage original = codec.read(Samples.bytes("contract/status-update.xml"));
        original.getStatusUpdate().setState(state);
        original.getStatusUpdate().setReason("Reason " + state);

        ExchangeMessage again = adapter.toContract(adapter.toNative(original));

        assertThat(again.getStatusUpdate().getState()).isEqualTo(state);
        assertThat(new String(codec.write(again), StandardCharsets.UTF_8))
                .isEqualTo(new String(codec.write(original), StandardCharsets.UTF_8));
    }

    static Stream<Arguments> answers() {
        return FORMATS.stream().flatMap(format -> Stream.of(
                Arguments.of(format, "acknowledgement", "SZ-AMR:20260512:000731"),
                Arguments.of(format, "rejection", "GZ-AMR-20260513-0099")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("answers")
    void everyFormatWritesTheGatewaysAnswers(String format, String sample, String answeredMessageId) {
        PartnerAdapter adapter = CATALOG.forFormat(format);
        ExchangeMessage answer = codec.read(Samples.bytes("contract/" + sample + ".xml"));

        assertThat(adapter.messageTypes()).contains(MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION);
        assertThat(new String(adapter.toNative(answer), StandardCharsets.UTF_8)).contains(answeredMessageId);
    }

    /** A format carries a complaint with a report part only if it also writes the report case it becomes. */
    private static boolean carries(PartnerAdapter adapter, String sample) {
        return adapter.messageTypes().contains(kindOf(sample))
                && (!sample.equals("complaint-with-report") || adapter.messageTypes().contains(MessageKind.REPORT));
    }

    private static MessageKind kindOf(String sample) {
        return sample.startsWith("complaint") ? MessageKind.COMPLAINT
                : MessageKind.valueOf(sample.toUpperCase().replace('-', '_'));
    }
}
