package cn.consumerexchange.gateway.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jms.core.JmsTemplate;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.MappingException;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.StatusUpdate;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.transport.JmsText;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The checks of the conformance kit, run against a gateway in sandbox mode, where every partner is played on the
 * gateway's own queues. The candidate partner's samples go in through its inbound queue exactly as its system would
 * send them; the kit plays the other regions, answering as they would.
 *
 * <p>Sample files, in the candidate's {@code samples/} folder: {@code complaint.*} (about a business in another
 * region), {@code status-update.*} (with {@code {{gatewayRef}}} where the case reference goes), {@code rejected/*}
 * (messages that must be refused, each named after the error code expected, see {@link ExpectedRejection}), and
 * optionally one sample of each further message type the format carries. Every sample, and the contract sample of
 * every type the format carries, must also survive a round trip with what it says intact ({@link RoundTripCheck}).
 */
final class SandboxCertification {

    static final Set<MessageKind> TRANSFER_LOOP = EnumSet.of(MessageKind.COMPLAINT, MessageKind.STATUS_UPDATE,
            MessageKind.ACKNOWLEDGEMENT, MessageKind.REJECTION);
    static final String GATEWAY_REF_PLACEHOLDER = "{{gatewayRef}}";
    private static final long WAIT_MILLIS = 15_000;

    private final JmsTemplate jms;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final TransferLedger ledger;
    private final ContractCodec codec = ContractCodec.standard();
    private final CertificationReport report;

    SandboxCertification(JmsTemplate jms, PartnerRegistry partners, AdapterCatalog adapters, TransferLedger ledger,
            CertificationReport report) {
        this.jms = jms;
        this.partners = partners;
        this.adapters = adapters;
        this.ledger = ledger;
        this.report = report;
    }

    void certify(Partner candidate, Path samples) {
        String code = candidate.code();
        PartnerAdapter format;
        try {
            format = adapters.forFormat(candidate.format());
        } catch (MappingException e) {
            report.fail(code, "mapping loads", e.file() + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
                    + ": " + e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            report.fail(code, "mapping loads", e.getMessage());
            return;
        }
        report.pass(code, "mapping loads", "format " + candidate.format());
        coverage(candidate, format);
        RoundTripCheck roundTrips = new RoundTripCheck(code, format, report);
        roundTrips.contractSamples();
        readEverySample(candidate, format, samples, roundTrips);
        Optional<String> gatewayRef = complaintIn(candidate, samples);
        gatewayRef.ifPresent(ref -> statusFeedbackOut(candidate, format, ref));
        Optional<TransferredTo> transferred = complaintOut(candidate, format);
        transferred.ifPresent(to -> statusIn(candidate, samples, to));
        rejections(candidate, samples);
    }

    private void coverage(Partner candidate, PartnerAdapter format) {
        Set<MessageKind> missing = EnumSet.copyOf(TRANSFER_LOOP);
        missing.removeAll(format.messageTypes());
        if (missing.isEmpty()) {
            report.pass(candidate.code(), "carries the transfer loop", "complaint, status update, "
                    + "acknowledgement, rejection");
        } else {
            report.fail(candidate.code(), "carries the transfer loop", "format.json messageTypes lacks " + missing);
        }
        Set<MessageKind> notCarried = EnumSet.allOf(MessageKind.class);
        notCarried.removeAll(format.messageTypes());
        if (!notCarried.isEmpty()) {
            report.info(candidate.code(), "message types not carried", notCarried.toString());
        }
    }

    /** Every sample is read into a valid contract message, and survives a round trip with what it says intact. */
    private void readEverySample(Partner candidate, PartnerAdapter format, Path samples, RoundTripCheck roundTrips) {
        for (Path sample : files(samples)) {
            try {
                // A status update names its case with the placeholder; any well-formed reference stands in here.
                byte[] bytes = Files.readString(sample, StandardCharsets.UTF_8)
                        .replace(GATEWAY_REF_PLACEHOLDER, "GW-2026-0000000000").getBytes(StandardCharsets.UTF_8);
                ExchangeMessage message = format.toContract(bytes);
                codec.write(message);
                report.pass(candidate.code(), "reads " + sample.getFileName(),
                        message.getEnvelope().getMessageType() + " " + message.getEnvelope().getMessageId());
                roundTrips.nativeSample(sample.getFileName().toString(), message);
            } catch (ContractViolationException e) {
                report.fail(candidate.code(), "reads " + sample.getFileName(), describe(sample, e.violations()));
            } catch (IOException | RuntimeException e) {
                report.fail(candidate.code(), "reads " + sample.getFileName(), sample + ": " + e.getMessage());
            }
        }
    }

    /** The candidate's complaint is acknowledged and reaches the region with jurisdiction once, even if sent twice. */
    private Optional<String> complaintIn(Partner candidate, Path samples) {
        String code = candidate.code();
        Optional<Path> sample = sample(samples, "complaint");
        if (sample.isEmpty()) {
            report.fail(code, "complaint in", "no samples/complaint.* to send");
            return Optional.empty();
        }
        byte[] complaint = read(sample.get());
        String messageId;
        try {
            messageId = adapters.forFormat(candidate.format()).toContract(complaint).getEnvelope().getMessageId();
        } catch (RuntimeException unreadable) {
            report.fail(code, "complaint in", sample.get() + " cannot be read, see above");
            return Optional.empty();
        }
        String answer = sendAndAwaitAnswer(candidate, complaint);
        Optional<LedgerEntry> entry = ledger.findInbound(code, messageId);
        if (answer == null || entry.isEmpty() || entry.get().state() == MessageState.REJECTED) {
            report.fail(code, "complaint in", sample.get() + ": " + (answer == null ? "no answer on "
                    + candidate.replies() : "rejected: " + entry.map(LedgerEntry::reason).orElse(answer)));
            return Optional.empty();
        }
        String gatewayRef = entry.get().gatewayRef();
        Partner region = partners.require(entry.get().receiver());
        if (awaitOn(region.outbound(), messageId, WAIT_MILLIS) == null) {
            report.fail(code, "complaint in", "acknowledged as " + gatewayRef + " but never delivered to "
                    + region.code());
            return Optional.empty();
        }
        report.pass(code, "complaint in", "acknowledged as " + gatewayRef + ", delivered to " + region.code());

        String again = sendAndAwaitAnswer(candidate, complaint);
        if (again == null || !again.contains(gatewayRef)) {
            report.fail(code, "duplicate complaint", "the same message again was not answered with " + gatewayRef);
        } else if (awaitOn(region.outbound(), messageId, 1_500) != null) {
            report.fail(code, "duplicate complaint", "the same message again was delivered twice to "
                    + region.code());
        } else {
            report.pass(code, "duplicate complaint", "answered again with " + gatewayRef + ", delivered once");
        }
        return Optional.of(gatewayRef);
    }

    /** The region's status for the candidate's case reaches the candidate, readable in its format. */
    private void statusFeedbackOut(Partner candidate, PartnerAdapter format, String gatewayRef) {
        Partner region = partners.require(ledger.findCase(gatewayRef).orElseThrow().receivingPartner());
        sendAndAwaitAnswer(region, adapters.forFormat(region.format()).toNative(
                SampleCases.statusAccepted(region.authority(), gatewayRef, "conformance kit")));
        String delivered = awaitOn(candidate.outbound(), gatewayRef, WAIT_MILLIS);
        if (delivered == null) {
            report.fail(candidate.code(), "status feedback out", "no status for " + gatewayRef + " on "
                    + candidate.outbound());
            return;
        }
        try {
            StatusUpdate status = format.toContract(delivered.getBytes(StandardCharsets.UTF_8)).getStatusUpdate();
            if (status == null || status.getState() != CaseState.ACCEPTED || !gatewayRef.equals(status.getCaseRef())) {
                report.fail(candidate.code(), "status feedback out", "the delivered status does not read back as "
                        + "ACCEPTED for " + gatewayRef + ": " + delivered);
            } else {
                report.pass(candidate.code(), "status feedback out", "ACCEPTED from " + region.code());
            }
        } catch (RuntimeException e) {
            report.fail(candidate.code(), "status feedback out", "from-contract.xsl output does not read back: "
                    + e.getMessage());
        }
    }

    private record TransferredTo(String gatewayRef, Partner origin) {
    }

    /** A complaint about a business in the candidate's region, sent by another region, reaches the candidate. */
    private Optional<TransferredTo> complaintOut(Partner candidate, PartnerAdapter format) {
        if (candidate.divisions().isEmpty()) {
            report.info(candidate.code(), "complaint out", "not applicable: the partner serves no region");
            return Optional.empty();
        }
        Partner origin = partners.all().stream().filter(p -> !p.code().equals(candidate.code()))
                .filter(p -> adapters.forFormat(p.format()).messageTypes().contains(MessageKind.COMPLAINT))
                .findFirst().orElseThrow();
        String caseNumber = "KIT-" + UUID.randomUUID().toString().substring(0, 8);
        String division = candidate.divisions().get(0);
        ExchangeMessage complaint = SampleCases.complaint(origin.authority(), division,
                "KIT-" + UUID.randomUUID(), caseNumber);
        sendAndAwaitAnswer(origin, adapters.forFormat(origin.format()).toNative(complaint));
        String delivered = awaitOn(candidate.outbound(), caseNumber, WAIT_MILLIS);
        if (delivered == null) {
            report.fail(candidate.code(), "complaint out", "a complaint about division " + division
                    + " from " + origin.code() + " never reached " + candidate.outbound());
            return Optional.empty();
        }
        try {
            ExchangeMessage read = format.toContract(delivered.getBytes(StandardCharsets.UTF_8));
            String gatewayRef = read.getEnvelope().getCaseRef().stream().filter(ref -> ref.startsWith("GW-"))
                    .findFirst().orElse(null);
            if (read.getComplaint() == null || !caseNumber.equals(read.getComplaint().getOriginCaseNumber())
                    || gatewayRef == null) {
                report.fail(candidate.code(), "complaint out", "the delivered complaint does not read back with "
                        + "origin case number " + caseNumber + " and a gateway reference: " + delivered);
                return Optional.empty();
            }
            report.pass(candidate.code(), "complaint out", "from " + origin.code() + " as " + gatewayRef);
            return Optional.of(new TransferredTo(gatewayRef, origin));
        } catch (RuntimeException e) {
            report.fail(candidate.code(), "complaint out", "from-contract.xsl output does not read back: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** The candidate's own status update for a case it received reaches the case's origin. */
    private void statusIn(Partner candidate, Path samples, TransferredTo transfer) {
        Optional<Path> sample = sample(samples, "status-update");
        if (sample.isEmpty()) {
            report.fail(candidate.code(), "status in", "no samples/status-update.* to send");
            return;
        }
        String text = new String(read(sample.get()), StandardCharsets.UTF_8);
        if (!text.contains(GATEWAY_REF_PLACEHOLDER)) {
            report.fail(candidate.code(), "status in", sample.get() + " has no " + GATEWAY_REF_PLACEHOLDER
                    + " where the case reference goes");
            return;
        }
        String answer = sendAndAwaitAnswer(candidate, text.replace(GATEWAY_REF_PLACEHOLDER, transfer.gatewayRef())
                .getBytes(StandardCharsets.UTF_8));
        if (answer == null || !answer.contains(transfer.gatewayRef())) {
            report.fail(candidate.code(), "status in", sample.get() + " was not acknowledged: " + answer);
        } else if (awaitOn(transfer.origin().outbound(), transfer.gatewayRef(), WAIT_MILLIS) == null) {
            report.fail(candidate.code(), "status in", "acknowledged but never delivered to "
                    + transfer.origin().code());
        } else {
            report.pass(candidate.code(), "status in", "delivered to " + transfer.origin().code());
        }
    }

    /** Every {@code rejected/} sample is refused with the error code its file name declares, never accepted. */
    private void rejections(Partner candidate, Path samples) {
        List<Path> rejected = files(samples.resolve("rejected"));
        if (rejected.isEmpty()) {
            report.fail(candidate.code(), "rejections", "no samples/rejected/* to send");
            return;
        }
        for (Path sample : rejected) {
            String check = "rejects " + sample.getFileName();
            Optional<ErrorCode> expected = ExpectedRejection.declaredBy(sample);
            if (expected.isEmpty()) {
                report.fail(candidate.code(), check, "the file name must start with the error code expected, e.g. "
                        + "INVALID_CREDIT_CODE-" + sample.getFileName());
                continue;
            }
            String answer = sendAndAwaitAnswer(candidate, read(sample));
            Optional<LedgerEntry> entry = messageIdOf(candidate, sample)
                    .flatMap(id -> ledger.findInbound(candidate.code(), id));
            if (answer == null) {
                report.fail(candidate.code(), check, "no answer on " + candidate.replies());
            } else if (entry.map(LedgerEntry::isAccepted).orElse(false)) {
                report.fail(candidate.code(), check, "it was accepted: " + answer);
            } else {
                Set<String> codes = ExpectedRejection.codesIn(entry.map(LedgerEntry::reason), answer);
                String reasons = entry.map(LedgerEntry::reason).map(r -> r.replace('|', ' '))
                        .orElse("answered: " + abbreviate(answer));
                if (codes.contains(expected.get().name())) {
                    report.pass(candidate.code(), check, reasons);
                } else {
                    report.fail(candidate.code(), check, "refused with " + codes + ", not " + expected.get()
                            + ": " + reasons);
                }
            }
        }
    }

    private Optional<String> messageIdOf(Partner candidate, Path sample) {
        try {
            return Optional.ofNullable(adapters.forFormat(candidate.format()).toContract(read(sample))
                    .getEnvelope().getMessageId());
        } catch (UntranslatableMessageException e) {
            return e.messageId();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String sendAndAwaitAnswer(Partner partner, byte[] nativeMessage) {
        AtomicReference<Message> sent = new AtomicReference<>();
        jms.send(partner.inbound(), session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(nativeMessage);
            sent.set(message);
            return message;
        });
        try {
            jms.setReceiveTimeout(WAIT_MILLIS);
            Message answer = jms.receiveSelected(partner.replies(),
                    "JMSCorrelationID = '" + sent.get().getJMSMessageID() + "'");
            return answer == null ? null : JmsText.of(answer);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first message on the queue mentioning {@code marker}, within the time; others are left where they are. */
    private String awaitOn(String queue, String marker, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        jms.setReceiveTimeout(250);
        while (System.currentTimeMillis() < deadline) {
            List<String> others = new ArrayList<>();
            Message message;
            while ((message = jms.receive(queue)) != null) {
                String text = JmsText.of(message);
                if (text.contains(marker)) {
                    return text;
                }
                others.add(text);
            }
            others.forEach(text -> jms.send(queue, session -> session.createTextMessage(text)));
        }
        return null;
    }

    private static Optional<Path> sample(Path samples, String type) {
        return files(samples).stream().filter(file -> file.getFileName().toString().startsWith(type + "."))
                .findFirst();
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + folder, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static String describe(Path sample, List<Violation> violations) {
        return sample + ": " + violations.stream()
                .map(v -> v.code() + " at " + v.path() + ": " + v.reason()).collect(Collectors.joining("\n"));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
