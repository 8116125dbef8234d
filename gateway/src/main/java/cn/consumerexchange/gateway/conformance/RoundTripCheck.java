package cn.consumerexchange.gateway.conformance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.consumerexchange.adapter.ContractFields;
import cn.consumerexchange.adapter.FieldDrift;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.RoundTripComparer;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;

/**
 * Checks that a mapping keeps what a message says, not only that its output is valid: a valid message with the
 * complainant's name in the respondent's address is still wrong.
 *
 * <p>A format need not carry every contract field, and declares none: what it carries is what comes back from
 * contract → native → contract of the full contract sample of each type. Every value that comes back must come back
 * at its own path. A native sample then goes native → contract → native → contract and must come back with every
 * carried field it has, unchanged and in place. Failures name the contract path and, where {@code format.json}'s
 * {@code nativeFields} say, the native field.
 */
final class RoundTripCheck {

    private static final ContractCodec CODEC = ContractCodec.standard();
    /** Written by the gateway only: a format renders them, it need not read them. */
    private static final Set<MessageKind> ANSWERS = Set.of(MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION);

    private final String partner;
    private final PartnerAdapter format;
    private final CertificationReport report;
    private final Map<MessageKind, Set<String>> carried = new EnumMap<>(MessageKind.class);

    RoundTripCheck(String partner, PartnerAdapter format, CertificationReport report) {
        this.partner = partner;
        this.format = format;
        this.report = report;
    }

    /** Contract → native → contract of the contract sample of every type the format carries. */
    void contractSamples() {
        for (MessageKind kind : format.messageTypes()) {
            String name = kind.name().toLowerCase().replace('_', '-');
            String check = "contract " + name + " both ways";
            try {
                ExchangeMessage sample = CODEC.read(SampleCases.contractSample(name));
                byte[] written = format.toNative(sample);
                ExchangeMessage back;
                try {
                    back = format.toContract(written);
                } catch (UntranslatableMessageException unread) {
                    if (ANSWERS.contains(kind)) {
                        report.pass(partner, check, "written; the gateway's answers need not be read back");
                        continue;
                    }
                    throw unread;
                }
                ContractFields sent = ContractFields.of(sample);
                ContractFields read = ContractFields.of(back);
                carried.put(kind, read.paths());
                outcome(check, RoundTripComparer.compare(sent, read, Set.of()),
                        read.paths().size() + " of " + sent.paths().size() + " fields carried, each kept in place");
            } catch (ContractViolationException e) {
                report.fail(partner, check, violations(e.violations()));
            } catch (RuntimeException e) {
                report.fail(partner, check, String.valueOf(e.getMessage()));
            }
        }
    }

    /**
     * Native → contract → native → contract of a native sample already read as {@code read}: every field the format
     * carries for its type (all it read, where the contract sample of the type failed) must come back unchanged.
     */
    void nativeSample(String sampleName, ExchangeMessage read) {
        String check = sampleName + " both ways";
        try {
            ExchangeMessage again = format.toContract(format.toNative(read));
            ContractFields first = ContractFields.of(read);
            Set<String> mustKeep = carried.getOrDefault(read.getEnvelope().getMessageType(), first.paths());
            outcome(check, RoundTripComparer.compare(first, ContractFields.of(again), mustKeep),
                    first.paths().size() + " fields kept");
        } catch (ContractViolationException e) {
            report.fail(partner, check, violations(e.violations()));
        } catch (RuntimeException e) {
            report.fail(partner, check, String.valueOf(e.getMessage()));
        }
    }

    private void outcome(String check, List<FieldDrift> drifts, String passed) {
        if (drifts.isEmpty()) {
            report.pass(partner, check, passed);
        } else {
            report.fail(partner, check, drifts.stream().map(drift -> drift.describe(this::withNativeField))
                    .collect(Collectors.joining("\n")));
        }
    }

    private String withNativeField(String contractPath) {
        return contractPath + format.nativeField(contractPath).map(field -> " (native " + field + ")").orElse("");
    }

    private static String violations(List<Violation> violations) {
        return "read back invalid: " + violations.stream().map(v -> v.code() + " at " + v.path() + ": " + v.reason())
                .collect(Collectors.joining("\n"));
    }
}
