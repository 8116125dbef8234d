package cn.consumerexchange.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.consumerexchange.contract.ContractViolationException;

/**
 * Whatever bytes arrive, an adapter answers with a contract violation (so the gateway can reject the message) and
 * never with another exception. Mutations of the samples, from a fixed seed so a failure can be repeated.
 */
class AnyBytesTest {

    private static final int MUTANTS = 400;
    private static final byte[] SPECIAL = "\u0000\"'<>&{}[],:\\|=\n\r\t-+.eE9".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> samples() {
        byte[] yrdComplaint = HostileInputTest.CATALOG.forFormat("yrd-json").toNative(HostileInputTest.CATALOG
                .forFormat("gba-xml").toContract(Samples.bytes("gba-xml/complaint-to-shanghai.xml")));
        return Stream.of(
                Arguments.of("gba-xml", Samples.bytes("gba-xml/complaint-to-shanghai.xml")),
                Arguments.of("yrd-json", yrdComplaint),
                Arguments.of("hkmo-xml", Samples.bytes("hkmo-xml/complaint-to-shenzhen.xml")),
                Arguments.of("hlj-csv", Samples.bytes("hlj-csv/complaint-to-guangzhou.csv")),
                Arguments.of("n12315-json", Samples.bytes("n12315-json/complaint-to-hangzhou.json")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void mutatedSampleIsTranslatedOrRefusedWithAViolation(String format, byte[] original) {
        PartnerAdapter adapter = HostileInputTest.CATALOG.forFormat(format);
        Random random = new Random(format.hashCode());
        for (int i = 0; i < MUTANTS; i++) {
            byte[] mutant = mutate(original, random);
            try {
                adapter.toContract(mutant);
            } catch (UntranslatableMessageException e) {
                e.messageId().ifPresent(id -> assertThat(id.length())
                        .isLessThanOrEqualTo(UntranslatableMessageException.MAX_MESSAGE_ID_CHARS));
            } catch (ContractViolationException e) {
                // refused with violations: fine
            } catch (RuntimeException | Error e) {
                throw new AssertionError(format + " mutant " + i + " threw "
                        + new String(mutant, StandardCharsets.UTF_8), e);
            }
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] mutant = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int edit = 0; edit < edits; edit++) {
            int at = random.nextInt(mutant.length);
            switch (random.nextInt(4)) {
                case 0 -> mutant[at] = (byte) random.nextInt(256);
                case 1 -> mutant[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                case 2 -> mutant = Arrays.copyOf(mutant, Math.max(at, 1));
                default -> {
                    byte[] longer = new byte[mutant.length + 1];
                    System.arraycopy(mutant, 0, longer, 0, at);
                    longer[at] = SPECIAL[random.nextInt(SPECIAL.length)];
                    System.arraycopy(mutant, at, longer, at + 1, mutant.length - at);
                    mutant = longer;
                }
            }
        }
        return mutant;
    }
}
