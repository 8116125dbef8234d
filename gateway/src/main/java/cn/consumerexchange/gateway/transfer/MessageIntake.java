package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.adapter.UntranslatableMessageException;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.ContractValidator;
import cn.consumerexchange.contract.ContractViolationException;
import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.evidence.EvidenceManifestCheck;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.IllegalTransitionException;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerMetrics;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.recognition.CheckedSignature;
import cn.consumerexchange.gateway.recognition.Recognition;
import cn.consumerexchange.gateway.related.RelatedCaseDetector;
import cn.consumerexchange.gateway.report.ReportSeparation;
import cn.consumerexchange.gateway.returns.ReturnIntake;
import cn.consumerexchange.gateway.returns.ReturnRefusedException;
import cn.consumerexchange.gateway.trace.TraceParent;

/**
 * Receives (受理) one message from a partner: translate it, check it, record it, and decide where it goes. A status
 * update moves its case only as the case lifecycle allows, in the transaction that records it.
 *
 * <p>The ledger row is written in its own database transaction before the caller commits the hand-off to delivery and
 * the answer. If the process dies between the two, the partner's message comes back (the broker redelivers it, or an
 * HTTP partner that got no answer sends it again) and is recognised here as already recorded: it is answered as before
 * and handed off again while it has not been delivered. Delivery claims each message once, so the second hand-off is
 * harmless.
 */
@Component
public class MessageIntake {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);
    private static final String MESSAGE_TYPE_PATH = "/ExchangeMessage/Envelope/MessageType";
    private static final String MESSAGE_ID_PATH = "/ExchangeMessage/Envelope/MessageId";
    /** Where a complaint carries its report part (举报), refused as a whole when the report cannot be delivered. */
    static final String REPORT_PATH = "/ExchangeMessage/Complaint/Report";

    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractValidator validator;
    private final ContractCodec codec;
    private final TransferRouter router;
    private final CaseStateChange caseStates;
    private final TransferLedger ledger;
    private final Answers answers;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int maxMessageBytes;
    private final Recognition recognition;
    private final ReportSeparation separation;
    private final EvidenceManifestCheck evidence;
    private final PartnerMetrics metrics;
    private final ReturnIntake returns;
    private final RelatedCaseDetector relatedCases;

    public MessageIntake(PartnerRegistry partners, AdapterCatalog adapters, ContractValidator validator,
            ContractCodec codec, TransferRouter router, CaseStateChange caseStates, TransferLedger ledger,
            Answers answers, TransactionTemplate transaction, Clock clock, ExchangeProperties properties,
            Recognition recognition, ReportSeparation separation, EvidenceManifestCheck evidence,
            PartnerMetrics metrics, ReturnIntake returns, RelatedCaseDetector relatedCases) {
        this.metrics = metrics;
        this.returns = returns;
        this.partners = partners;
        this.adapters = adapters;
        this.validator = validator;
        this.codec = codec;
        this.router = router;
        this.caseStates = caseStates;
        this.ledger = ledger;
        this.answers = answers;
        this.transaction = transaction;
        this.clock = clock;
        this.maxMessageBytes = properties.maxMessageBytes();
        this.recognition = recognition;
        this.separation = separation;
        this.evidence = evidence;
        this.relatedCases = relatedCases;
    }

    /**
     * Receives one message as it crossed the wire. Whatever the bytes are, the result is an answer for the sender:
     * input problems are rejections, never exceptions. An exception means the gateway could not record the message
     * now (its database away, say), and the sender's transport brings it back.
     *
     * @param signature the detached JWS the sender sent with the message, or null; checked and recorded with an
     *                  accepted message, never a reason to refuse it (see {@link Recognition})
     */
    public IntakeResult receive(String partnerCode, byte[] payload, String signature) {
        return receive(partnerCode, payload, signature, null);
    }

    /**
     * Receives one message as {@link #receive(String, byte[], String)} does, in the trace the partner's W3C
     * {@code traceparent} names, or in a new one when it sent none or an invalid one (never a reason to refuse). The
     * trace id is recorded with the message's ledger rows and shows in the log lines of its intake; the result carries
     * the gateway's hop of the trace for the answer and the hand-off.
     */
    public IntakeResult receive(String partnerCode, byte[] payload, String signature, String traceparent) {
        TraceParent trace = TraceParent.continueOrStart(traceparent);
        MDC.put(TraceParent.MDC_KEY, trace.traceId());
        try {
            return receiveInTrace(partnerCode, payload, signature, trace.traceId()).inTrace(trace.nextHop());
        } finally {
            MDC.remove(TraceParent.MDC_KEY);
        }
    }

    private IntakeResult receiveInTrace(String partnerCode, byte[] payload, String signature, String traceId) {
        if (payload.length > maxMessageBytes) {
            return refuseTooLarge(partnerCode, Arrays.copyOf(payload, maxMessageBytes), payload.length,
                    Sha256.hex(payload));
        }
        Partner sender = partners.require(partnerCode);
        PartnerAdapter adapter = adapters.forFormat(sender.format());
        String sha256 = Sha256.hex(payload);
        ExchangeMessage message;
        try {
            message = adapter.toContract(payload);
        } catch (UntranslatableMessageException e) {
            return untranslatable(sender, adapter, payload, sha256, e, traceId);
        } catch (RuntimeException | StackOverflowError readerFault) {
            // A fault of the reader on these bytes, not an outage: trying again would fail again, so it is answered.
            log.error("The {} reader failed on a message from {}; quarantined", sender.format(), sender.code(),
                    readerFault);
            return quarantined(sender, adapter, null, payload, payload.length, sha256, new Violation(
                    ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE, "/", "The gateway could not read this message ("
                            + readerFault.getClass().getSimpleName() + "); it is kept for the operators"));
        }
        String messageId = message.getEnvelope() == null ? null : message.getEnvelope().getMessageId();
        if (!MessageIds.carriable(messageId)) {
            return quarantined(sender, adapter, messageId, payload, payload.length, sha256,
                    MessageIds.unreadable(messageId));
        }
        // Most messages are new: the ledger's unique key, not a lookup first, tells a message already received.
        try {
            return firstTime(sender, adapter, message, payload, sha256, signature, traceId);
        } catch (DuplicateKeyException alreadyReceived) {
            LedgerEntry recorded = ledger.findInbound(sender.code(), messageId).orElseThrow();
            return answerAgain(sender, adapter, message, recorded, payload, sha256);
        }
    }

    /**
     * Refuses a message over the size limit without reading it: only its first bytes are kept, with its real size and
     * the SHA-256 of all of it.
     */
    public IntakeResult refuseTooLarge(String partnerCode, byte[] head, long size, String sha256) {
        return refuse(partnerCode, head, size, sha256, new Violation(ErrorCode.DOCUMENT_TOO_LARGE, "/",
                "The message has " + size + " bytes; the limit is " + maxMessageBytes));
    }

    /**
     * Refuses input its transport could not turn into a message's bytes (a queue message of a kind that carries no
     * text, say), keeping what there is of it.
     *
     * @param kept   what is kept of the input: all of it, or its first bytes
     * @param size   the size of the whole input in bytes
     * @param sha256 the SHA-256 of the whole input
     */
    public IntakeResult refuse(String partnerCode, byte[] kept, long size, String sha256, Violation why) {
        Partner sender = partners.require(partnerCode);
        return quarantined(sender, adapters.forFormat(sender.format()), null, kept, size, sha256, why);
    }

    private IntakeResult firstTime(Partner sender, PartnerAdapter adapter, ExchangeMessage message, byte[] payload,
            String sha256, String signature, String traceId) {
        Checked checked = check(sender, adapter, message);
        // A complaint with a report part is two cases (art. 9); the complaint's receiver never gets the report (art. 37).
        Optional<ReportSeparation.Separated> separated = checked.violations().isEmpty()
                ? separation.separate(message)
                : Optional.empty();
        ExchangeMessage forwarded = separated.map(ReportSeparation.Separated::complaint).orElse(message);
        Routing routing = checked.violations().isEmpty()
                ? receiverCanTake(router.route(sender, forwarded), forwarded, MESSAGE_TYPE_PATH, "/")
                : new Routing.Refused(checked.violations());
        Routing reportRouting = routing instanceof Routing.Routed && separated.isPresent()
                ? reportCase(sender, separated.get().report())
                : null;
        if (reportRouting instanceof Routing.Refused refusedReport) {
            routing = refusedReport;
        }
        if (routing instanceof Routing.Refused refused) {
            metrics.rejected(sender.code(), message.getEnvelope().getMessageType(),
                    refused.violations().get(0).code());
            LedgerEntry rejected = ledger.record(inbound(sender, message, null, null, sha256, payload,
                    MessageState.REJECTED, Answers.encode(refused.violations()), traceId));
            return IntakeResult.answered(adapter, answers.rejection(rejected), List.of());
        }
        Routing.Routed routed = (Routing.Routed) routing;
        Routing.Routed reportCase = (Routing.Routed) reportRouting;
        // Recognition (互认): the signature's verdict is recorded with the row; it never refuses the message.
        Optional<CheckedSignature> signed = recognition.check(sender, payload, signature,
                message.getEnvelope().getMessageType());
        Recorded recorded;
        try {
            recorded = transaction.execute(tx -> {
                // The inbound row keeps the submission as received: it is the record. Deliveries are made from it
                // again through the separation, never as it is.
                LedgerEntry entry = ledger.record(inbound(sender, message, routed.receiver().code(),
                        routed.gatewayRef(), sha256, payload, MessageState.ACCEPTED, null, traceId));
                signed.ifPresent(verdict -> recognition.record(entry.id(), verdict));
                LedgerEntry report = null;
                if (reportCase != null) {
                    report = ledger.record(inbound(sender, separated.get().report(), reportCase.receiver().code(),
                            reportCase.gatewayRef(), sha256, payload, MessageState.ACCEPTED, null, traceId));
                    ledger.openCase(routed.newCase().linkedTo(reportCase.gatewayRef()), MessageKind.COMPLAINT);
                    ledger.openCase(reportCase.newCase().linkedTo(routed.gatewayRef()), MessageKind.REPORT);
                    // Kept from the message read here: the related-case check (并案) never reads it again.
                    relatedCases.keepAtIntake(forwarded, routed.gatewayRef(), sender.code(),
                            routed.newCase().receivedAt().toInstant());
                } else if (routed.newCase() != null && message.getReturnRequest() != null) {
                    ledger.openReturnCase(routed.newCase());
                    returns.opened(routed.newCase(), message.getReturnRequest());
                } else if (routed.newCase() != null) {
                    ledger.openCase(routed.newCase(), message.getEnvelope().getMessageType());
                    relatedCases.keepAtIntake(forwarded, routed.gatewayRef(), sender.code(),
                            routed.newCase().receivedAt().toInstant());
                } else if (message.getStatusUpdate() != null) {
                    caseStates.apply(routed.gatewayRef(), sender, entry.messageId(), message.getStatusUpdate());
                } else if (message.getReturnDecision() != null) {
                    returns.decided(routed.gatewayRef(), sender, message.getReturnDecision());
                } else if (message.getReturnSettlement() != null) {
                    returns.settled(routed.gatewayRef(), sender, message.getReturnSettlement());
                }
                return new Recorded(entry, report);
            });
        } catch (IllegalTransitionException illegal) {
            // The acceptance rolled back with the case's state; the update is kept under its case, refused.
            return refusedOnCase(sender, adapter, message, routed, sha256, payload, illegal.violation(), traceId);
        } catch (ReturnRefusedException refused) {
            // Likewise a return's decision or settlement the return cannot take (异地异店退货).
            return refusedOnCase(sender, adapter, message, routed, sha256, payload, refused.violation(), traceId);
        }
        metrics.accepted(sender.code(), message.getEnvelope().getMessageType());
        List<IntakeResult.Handoff> handoffs = new ArrayList<>();
        handoffs.add(handoff(recorded.message(), routed.copy(), forwarded));
        if (recorded.report() != null) {
            handoffs.add(handoff(recorded.report(), reportCase.copy(), separated.get().report()));
        }
        return IntakeResult.answered(adapter, answers.acknowledgement(recorded.message(),
                reportCase == null ? null : reportCase.gatewayRef()), handoffs);
    }

    private IntakeResult refusedOnCase(Partner sender, PartnerAdapter adapter, ExchangeMessage message,
            Routing.Routed routed, String sha256, byte[] payload, Violation violation, String traceId) {
        metrics.rejected(sender.code(), message.getEnvelope().getMessageType(), violation.code());
        LedgerEntry rejected = ledger.record(inbound(sender, message, null, routed.gatewayRef(), sha256, payload,
                MessageState.REJECTED, Answers.encode(List.of(violation)), traceId));
        return IntakeResult.answered(adapter, answers.rejection(rejected), List.of());
    }

    /** The ledger rows one accepted message made: its own, and the report case's when it came with a report. */
    private record Recorded(LedgerEntry message, LedgerEntry report) {
    }

    /**
     * Where the report part of a submission goes: the same jurisdiction rule as the complaint's, to a receiver whose
     * format carries reports. Refused otherwise, the whole submission with it, rather than accepted and half delivered.
     */
    private Routing reportCase(Partner sender, ExchangeMessage report) {
        String reportId = report.getEnvelope().getMessageId();
        if (ledger.findInbound(sender.code(), reportId).isPresent()) {
            return new Routing.Refused(List.of(new Violation(ErrorCode.DUPLICATE_CONFLICT, MESSAGE_ID_PATH,
                    "The report part of this submission becomes message " + reportId + ", an id " + sender.code()
                            + " has already used; send the submission under a new message id")));
        }
        return receiverCanTake(router.route(sender, report), report, REPORT_PATH, REPORT_PATH);
    }

    /**
     * Refuses at once a message the receiver's format cannot carry, rather than acknowledging it and failing every
     * delivery attempt: a type the format does not carry, a complaint with a report (举报) part for a receiver that
     * takes no reports, or content it cannot write (a code its code tables lack). The refusal quotes the format's
     * reason for not carrying a type where it gives one. The message is written in the receiver's format here to
     * prove it can be, as delivery sends it, so that delivery can send this copy; except an evidence manifest, whose
     * claim checks delivery makes.
     */
    private Routing receiverCanTake(Routing routing, ExchangeMessage message, String typePath, String contentPath) {
        if (!(routing instanceof Routing.Routed routed)) {
            return routing;
        }
        MessageKind type = message.getEnvelope().getMessageType();
        Partner receiver = routed.receiver();
        PartnerAdapter receiverFormat = adapters.forFormat(receiver.format());
        if (!receiverFormat.messageTypes().contains(type)) {
            return cannotTake(typePath, "The receiver " + receiver.code() + " (" + receiver.format()
                    + ") does not take " + type + " messages through the exchange" + becauseOf(receiverFormat, type));
        }
        ReceiverCopy copy;
        try {
            copy = ReceiverCopy.write(receiverFormat, message, receiver.authority(), routed.gatewayRef());
        } catch (IllegalArgumentException unwritable) {
            return cannotTake(contentPath, "The receiver " + receiver.code() + " (" + receiver.format()
                    + ") cannot be sent this message: " + unwritable.getMessage());
        }
        return message.getEvidence() == null ? routed.written(copy) : routed;
    }

    private static String becauseOf(PartnerAdapter format, MessageKind type) {
        return format.notCarriedReason(type).map(reason -> ". " + reason).orElse("");
    }

    private static Routing cannotTake(String path, String reason) {
        return new Routing.Refused(List.of(new Violation(ErrorCode.RECEIVER_CANNOT_TAKE, path, reason)));
    }

    /** A translated message checked against the contract. */
    private record Checked(List<Violation> violations) {
    }

    /**
     * Every reason to refuse the message at once: the contract's schema, its business rules, whether the partner
     * sends as itself, and whether an evidence manifest's files have arrived. Violations found by both the schema and
     * the rules are reported once. A message its adapter read through the contract codec has passed the schema already
     * (a schema violation there makes it untranslatable); any other is checked by writing the contract document, as
     * the exchange would write it.
     */
    private Checked check(Partner sender, PartnerAdapter adapter, ExchangeMessage message) {
        Set<Violation> violations = new LinkedHashSet<>();
        if (!adapter.readsThroughContractSchema()) {
            try {
                codec.writeDocument(message);
            } catch (ContractViolationException e) {
                violations.addAll(e.violations());
            }
        }
        try {
            violations.addAll(validator.validate(message));
        } catch (RuntimeException incomplete) {
            // The rules need the structure the schema demands; when it is missing, the schema's violations say so.
            if (violations.isEmpty()) {
                throw incomplete;
            }
        }
        if (violations.isEmpty()) {
            // A return request is a no-reason return only within the firm's commitment (异地异店退货).
            violations.addAll(returns.check(message));
        }
        String claimedSender = message.getEnvelope().getSender();
        if (!sender.authority().equals(claimedSender)) {
            violations.add(new Violation(ErrorCode.UNKNOWN_SENDER, "/ExchangeMessage/Envelope/Sender",
                    "Partner " + sender.code() + " sends as " + sender.authority() + ", not as " + claimedSender));
        }
        violations.addAll(evidence.check(sender.code(), message));
        return new Checked(List.copyOf(violations));
    }

    private IntakeResult answerAgain(Partner sender, PartnerAdapter adapter, ExchangeMessage message,
            LedgerEntry previous, byte[] payload, String sha256) {
        if (!previous.payloadSha256().equals(sha256)) {
            return quarantined(sender, adapter, previous.messageId(), payload, payload.length, sha256, new Violation(
                    ErrorCode.DUPLICATE_CONFLICT, "/ExchangeMessage/Envelope/MessageId", "Message id "
                            + previous.messageId() + " was already received on " + previous.createdAt()
                            + " with different content; send new content under a new message id"));
        }
        if (!previous.isAccepted()) {
            return IntakeResult.answered(adapter, answers.rejection(previous), List.of());
        }
        // Same content as the accepted message, so it translates to the same contract document. It is handed off
        // again in case the first hand-off was lost with the crash that brought the message back; the ledger lets
        // only one attempt deliver it. A submission with a report is handed off as the two cases it became.
        List<IntakeResult.Handoff> again = new ArrayList<>();
        Optional<ReportSeparation.Separated> separated = message == null
                ? Optional.empty()
                : separation.separate(message);
        ExchangeMessage forwarded = separated.map(ReportSeparation.Separated::complaint).orElse(message);
        if (stillToDeliver(previous)) {
            again.add(handoff(previous, codec.write(forwarded)));
        }
        String linkedCase = null;
        if (separated.isPresent()) {
            ExchangeMessage report = separated.get().report();
            linkedCase = ledger.findCase(previous.gatewayRef()).map(TransferCase::linkedCase).orElse(null);
            ledger.findInbound(sender.code(), report.getEnvelope().getMessageId())
                    .filter(MessageIntake::stillToDeliver)
                    .ifPresent(row -> again.add(handoff(row, codec.write(report))));
        }
        return IntakeResult.answered(adapter, answers.acknowledgement(previous, linkedCase), again);
    }

    private static boolean stillToDeliver(LedgerEntry accepted) {
        return accepted.state() == MessageState.ACCEPTED || accepted.state() == MessageState.DELIVERING;
    }

    /** The hand-off of a new message, held for it: its receiver's copy, or the contract document to write it from. */
    private IntakeResult.Handoff handoff(LedgerEntry accepted, ReceiverCopy copy, ExchangeMessage message) {
        return new IntakeResult.Handoff(new MessageKey(accepted.partnerCode(), accepted.messageId()),
                accepted.receiver(), accepted.gatewayRef(), copy == null ? codec.write(message) : null, copy, true);
    }

    /** The hand-off of a message received again, to whichever attempt can claim it. */
    private static IntakeResult.Handoff handoff(LedgerEntry accepted, byte[] contractXml) {
        return new IntakeResult.Handoff(new MessageKey(accepted.partnerCode(), accepted.messageId()),
                accepted.receiver(), accepted.gatewayRef(), contractXml, null, false);
    }

    private IntakeResult untranslatable(Partner sender, PartnerAdapter adapter, byte[] payload, String sha256,
            UntranslatableMessageException e, String traceId) {
        Optional<String> messageId = e.messageId();
        if (messageId.isEmpty()) {
            return quarantined(sender, adapter, null, payload, payload.length, sha256,
                    e.violations().toArray(Violation[]::new));
        }
        if (!MessageIds.carriable(messageId.get())) {
            List<Violation> reasons = new ArrayList<>();
            reasons.add(MessageIds.unreadable(messageId.get()));
            reasons.addAll(e.violations());
            return quarantined(sender, adapter, messageId.get(), payload, payload.length, sha256,
                    reasons.toArray(Violation[]::new));
        }
        Optional<LedgerEntry> previous = ledger.findInbound(sender.code(), messageId.get());
        if (previous.isPresent()) {
            return answerAgain(sender, adapter, null, previous.get(), payload, sha256);
        }
        try {
            LedgerEntry rejected = ledger.record(new TransferLedger.NewEntry(Direction.IN, sender.code(),
                    messageId.get(), null, sender.authority(), null, null, null, sha256, payload,
                    MessageState.REJECTED, Answers.encode(e.violations()), null, traceId));
            metrics.rejected(sender.code(), null, e.violations().isEmpty() ? ErrorCode.UNTRANSLATABLE_NATIVE_MESSAGE
                    : e.violations().get(0).code());
            return IntakeResult.answered(adapter, answers.rejection(rejected), List.of());
        } catch (DuplicateKeyException concurrentCopy) {
            return answerAgain(sender, adapter, null,
                    ledger.findInbound(sender.code(), messageId.get()).orElseThrow(), payload, sha256);
        }
    }

    /**
     * Keeps input that cannot have a ledger row of its own and answers it under a gateway-made reference, which also
     * names the message in the answer when its own id cannot be carried.
     */
    private IntakeResult quarantined(Partner sender, PartnerAdapter adapter, String messageId, byte[] payload,
            long size, String sha256, Violation... violations) {
        List<Violation> reasons = new ArrayList<>(List.of(violations));
        // The answer cannot name the message by its id: it says so, after the reasons that explain why.
        if (!MessageIds.carriable(messageId)
                && reasons.stream().noneMatch(reason -> reason.code() == ErrorCode.UNREADABLE_MESSAGE_ID)) {
            reasons.add(MessageIds.unreadable(messageId));
        }
        metrics.rejected(sender.code(), null, reasons.get(0).code());
        String reference = "GW-Q-" + UUID.randomUUID();
        ledger.quarantine(sender.code(), reference, messageId, sha256, payload, size, reasons.get(0).code().name(),
                Answers.encode(reasons));
        ExchangeMessage rejection = answers.rejection(reference, MessageIds.carriable(messageId) ? messageId : null,
                sender.authority(), OffsetDateTime.now(clock), reasons);
        return IntakeResult.answered(adapter, rejection, List.of());
    }

    private static TransferLedger.NewEntry inbound(Partner sender, ExchangeMessage message, String receiver,
            String gatewayRef, String sha256, byte[] payload, MessageState state, String reason, String traceId) {
        Envelope envelope = message.getEnvelope();
        // A rejected message may hold a case reference the contract refuses; the ledger keeps only one it can carry.
        String caseRef = envelope.getCaseRef().isEmpty() || !MessageIds.fitsReference(envelope.getCaseRef().get(0))
                ? null
                : envelope.getCaseRef().get(0);
        return new TransferLedger.NewEntry(Direction.IN, sender.code(), envelope.getMessageId(),
                envelope.getMessageType() == null ? null : envelope.getMessageType().name(), sender.authority(),
                receiver, caseRef, gatewayRef, sha256, payload, state, reason, originCaseNumber(message), traceId);
    }

    /** The origin case number of a complaint or report, when it is one the ledger can keep. */
    private static String originCaseNumber(ExchangeMessage message) {
        String number = message.getComplaint() != null ? message.getComplaint().getOriginCaseNumber()
                : message.getReport() != null ? message.getReport().getOriginCaseNumber()
                : null;
        return number != null && MessageIds.fitsReference(number) ? number : null;
    }
}
