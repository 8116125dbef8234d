package cn.consumerexchange.adapter.fuzz;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.Samples;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractValidator;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.DivisionCodes;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * Coverage-guided fuzzing of the intake of every built-in format: what a partner may send, read by the format's
 * adapter, must either be refused with a reason or become a message the exchange can write, and that every format
 * carrying its type either writes or refuses with the documented {@link IllegalArgumentException}.
 *
 * <p>Jazzer fuzzes one fuzz test per JVM, so this one covers all formats: the first input byte picks the format
 * ({@code A} gba-xml, {@code B} yrd-json, {@code C} hkmo-xml, {@code D} hlj-csv, {@code E} n12315-json; any byte
 * modulo 5) and the rest is the native message. Without {@code JAZZER_FUZZ} (every {@code mvn test}) it runs the
 * committed inputs of {@code IntakeFuzzTestInputs/nativeMessageIsRefusedOrDeliverable/} as regression cases; the
 * {@code fuzz} Maven profile fuzzes it for {@code maxDuration}.
 */
class IntakeFuzzTest {

    static final List<String> FORMATS = List.of("gba-xml", "yrd-json", "hkmo-xml", "hlj-csv", "n12315-json");
    /** A reason is shown to partners and kept in the ledger: one that echoes the whole input is a finding. */
    static final int MAX_REASON_CHARS = 2000;

    static final AdapterCatalog CATALOG = AdapterCatalog.discover(Samples.BUILT_IN_FORMATS);
    static final List<PartnerAdapter> ADAPTERS = FORMATS.stream().map(CATALOG::forFormat).toList();
    static final ContractCodec CODEC = ContractCodec.standard();
    /** A fixed day after the samples were written, so that a finding replays alike on any day. */
    static final ContractValidator RULES = new ContractValidator(DivisionCodes.fromClasspath(),
            Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC));

    @FuzzTest(maxDuration = "30s")
    void nativeMessageIsRefusedOrDeliverable(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PartnerAdapter adapter = ADAPTERS.get(Math.floorMod(input[0], ADAPTERS.size()));
        byte[] nativeMessage = Arrays.copyOfRange(input, 1, input.length);

        ExchangeMessage message;
        try {
            message = adapter.toContract(nativeMessage);
        } catch (ContractViolationException refused) {
            // UntranslatableMessageException is one: a refusal must say why, briefly.
            checkReasons(adapter.format() + ".toContract", refused);
            return;
        }
        if (message == null || message.getEnvelope() == null) {
            throw new FuzzFinding(adapter.format() + ".toContract returned a message without an envelope");
        }
        try {
            CODEC.write(message);
        } catch (ContractViolationException refused) {
            checkReasons("ContractCodec.write", refused);
            return;
        }
        List<Violation> violations = RULES.validate(message);
        if (!violations.isEmpty()) {
            return;
        }
        MessageKind type = message.getEnvelope().getMessageType();
        for (PartnerAdapter receiver : ADAPTERS) {
            if (receiver.messageTypes().contains(type)) {
                try {
                    receiver.toNative(message);
                } catch (IllegalArgumentException cannotWrite) {
                    // Documented: the format cannot write this content (a code its tables lack). The gateway writes
                    // the message for its receiver at intake and refuses it there with RECEIVER_CANNOT_TAKE.
                    continue;
                } catch (RuntimeException undeliverable) {
                    throw new FuzzFinding("A " + type + " read by " + adapter.format() + " passes the contract but "
                            + receiver.format() + ".toNative fails", undeliverable);
                }
            }
        }
    }

    private static void checkReasons(String where, ContractViolationException refused) {
        if (refused.violations().isEmpty()) {
            throw new FuzzFinding(where + " refused without a violation", refused);
        }
        for (Violation violation : refused.violations()) {
            if (violation.reason().length() > MAX_REASON_CHARS) {
                throw new FuzzFinding(where + " gave a reason of " + violation.reason().length() + " chars for "
                        + violation.code() + " at " + violation.path(), refused);
            }
        }
    }

    /** An outcome the intake contract does not allow. */
    static final class FuzzFinding extends AssertionError {

        FuzzFinding(String message) {
            super(message);
        }

        FuzzFinding(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
