package cn.consumerexchange.gateway.returns;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.adapter.PartnerAdapter;
import cn.consumerexchange.contract.ContractCodec;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ConsumerRequest;
import cn.consumerexchange.contract.v1.ConsumerRequests;
import cn.consumerexchange.contract.v1.Envelope;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.MessageKind;
import cn.consumerexchange.contract.v1.Purchase;
import cn.consumerexchange.contract.v1.PurchaseChannel;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.RespondentKind;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.gateway.ExchangeProperties;
import cn.consumerexchange.gateway.ledger.CaseJurisdiction;
import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.LedgerEntry;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.notice.HubNotices;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.trace.TraceParent;
import cn.consumerexchange.gateway.transfer.GatewayReferences;
import cn.consumerexchange.gateway.transfer.Sha256;

/**
 * Turns a refused or unanswered return into a complaint (投诉) in the region of purchase, linked to the return
 * request: the consumer's claim against the store of purchase, built from the request as its region sent it.
 *
 * <p>The complaint goes through the normal transfer: the hub ({@link CaseTransitions#GATEWAY}) records it as an
 * accepted inbound message, in the caller's transaction, and opens its case with the return store's region as its
 * origin (where the consumer turned, and where the case's feedback goes) and the legal clocks of any complaint; once
 * the transaction commits the delivery is nudged, and a lost nudge is the delivery sweeper's to make good.
 */
@Component
class ReturnComplaints {

    private static final Logger log = LoggerFactory.getLogger(ReturnComplaints.class);
    static final String MESSAGE_ID_PREFIX = "RETURN-COMPLAINT:";

    private final TransferLedger ledger;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;
    private final ContractCodec codec;
    private final HubNotices notices;
    private final GatewayReferences references;
    private final CommitmentRegistry registry;
    private final ReturnCases cases;
    private final Clock clock;
    private final String hub;
    private final String category;

    ReturnComplaints(TransferLedger ledger, PartnerRegistry partners, AdapterCatalog adapters, ContractCodec codec,
            HubNotices notices, GatewayReferences references, CommitmentRegistry registry, ReturnCases cases,
            Clock clock, ExchangeProperties properties, ReturnSettings settings) {
        this.ledger = ledger;
        this.partners = partners;
        this.adapters = adapters;
        this.codec = codec;
        this.notices = notices;
        this.references = references;
        this.registry = registry;
        this.cases = cases;
        this.clock = clock;
        this.hub = properties.authority();
        this.category = settings.complaintCategory();
    }

    /**
     * Files the complaint a return became, in the caller's transaction, and returns its case; empty when it cannot be
     * filed (the request named no consumer, or the region of purchase's format cannot carry it), which is logged and
     * left on the return for operators.
     *
     * @param what why the return became a complaint, in Chinese then English
     */
    Optional<String> file(ReturnCase returned, String what) {
        TransferCase returnCase = ledger.findCase(returned.gatewayRef()).orElseThrow();
        ReturnRequest request = requestOf(returnCase);
        if (request.getConsumer() == null) {
            log.warn("Return {} became no complaint: the request names no consumer", returned.gatewayRef());
            return Optional.empty();
        }
        ChainFirm firm = registry.byCommitment(returned.commitmentId()).orElseThrow();
        FirmStore originStore = firm.store(returned.originStore()).orElseThrow();
        Partner receiver = partners.require(returned.purchasePartner());
        String complaintRef = references.next();
        String messageId = MESSAGE_ID_PREFIX + returned.gatewayRef();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
        ExchangeMessage complaint = complaint(messageId, returned, request, firm, originStore, receiver,
                partners.require(returned.returnPartner()), now, what);
        Optional<String> problem = cannotCarry(receiver, complaint);
        if (problem.isPresent()) {
            log.warn("Return {} became no complaint: {}", returned.gatewayRef(), problem.get());
            return Optional.empty();
        }
        byte[] xml = codec.write(complaint);
        TraceParent trace = TraceParent.start();
        LedgerEntry recorded = ledger.record(new TransferLedger.NewEntry(Direction.IN, CaseTransitions.GATEWAY,
                messageId, MessageKind.COMPLAINT.name(), hub, receiver.code(), returned.gatewayRef(), complaintRef,
                Sha256.hex(xml), xml, MessageState.ACCEPTED, null, returned.gatewayRef(), trace.traceId()));
        ledger.openCase(new TransferCase(complaintRef, returned.returnPartner(), returned.gatewayRef(), messageId,
                receiver.code(), originStore.division(), CaseState.TRANSFERRED.name(), now, now, false,
                returned.gatewayRef(), new CaseJurisdiction("ART13_PLACE_OF_BUSINESS",
                        "退货被拒或逾期未答复，转为购买门店实际经营地 " + originStore.division() + " 的投诉，由 "
                                + receiver.code() + " 管辖（第十三条）。\nThe return was refused or not answered in"
                                + " time: a complaint at the store of purchase's place of business "
                                + originStore.division() + ", served by " + receiver.code() + " (art. 13).",
                        List.of())), MessageKind.COMPLAINT);
        ledger.link(returned.gatewayRef(), complaintRef);
        cases.becameComplaint(returned.gatewayRef(), complaintRef);
        notices.handOffAfterCommit(recorded.messageId(), recorded.receiver(), complaintRef, xml, trace);
        return Optional.of(complaintRef);
    }

    private ReturnRequest requestOf(TransferCase returnCase) {
        LedgerEntry inbound = ledger.findInbound(returnCase.originPartner(), returnCase.originMessageId())
                .orElseThrow();
        byte[] payload = ledger.payloadOf(inbound.id()).orElseThrow();
        return adapters.forFormat(partners.require(returnCase.originPartner()).format()).toContract(payload)
                .getReturnRequest();
    }

    private ExchangeMessage complaint(String messageId, ReturnCase returned, ReturnRequest request, ChainFirm firm,
            FirmStore originStore, Partner receiver, Partner returnRegion, OffsetDateTime now, String what) {
        Envelope envelope = new Envelope();
        envelope.setMessageId(messageId);
        envelope.setMessageType(MessageKind.COMPLAINT);
        envelope.setSender(hub);
        envelope.setReceiver(receiver.authority());
        envelope.getCaseRef().add(returned.gatewayRef());
        envelope.setSentAt(now);
        envelope.setContractVersion("1.0");
        Respondent respondent = new Respondent();
        respondent.setName(firm.name());
        if (originStore.registrationNumber() != null) {
            respondent.setRegistrationNumber(originStore.registrationNumber());
        } else {
            respondent.setCreditCode(firm.creditCode());
        }
        respondent.setAddress(originStore.address());
        respondent.setDivisionCode(originStore.division());
        respondent.setKind(RespondentKind.OFFLINE_BUSINESS);
        Purchase purchase = new Purchase();
        purchase.setChannel(PurchaseChannel.OFFLINE);
        purchase.setStore(originStore.name());
        purchase.setDate(request.getPurchase().getDate());
        purchase.setAmount(request.getPurchase().getAmount());
        ConsumerRequests requests = new ConsumerRequests();
        requests.getRequest().addAll(List.of(ConsumerRequest.RETURN, ConsumerRequest.REFUND));
        Complaint complaint = new Complaint();
        complaint.setOriginCaseNumber(returned.gatewayRef());
        complaint.setComplainant(request.getConsumer());
        complaint.setRespondent(respondent);
        complaint.setPurchase(purchase);
        complaint.setCategory(category);
        complaint.setFacts(facts(returned, request, firm, what));
        complaint.setRequests(requests);
        complaint.setReceivedAt(now);
        complaint.setReceivingAuthority(returnRegion.authority());
        ExchangeMessage message = new ExchangeMessage();
        message.setEnvelope(envelope);
        message.setComplaint(complaint);
        return message;
    }

    /** The facts in Chinese and English: what was bought where, the return asked for, and what became of it. */
    static String facts(ReturnCase returned, ReturnRequest request, ChainFirm firm, String what) {
        String items = request.getPurchase().getItem().stream()
                .map(item -> item.getName() + " ×" + item.getQuantity()).collect(Collectors.joining("、"));
        return "异地异店退货申请 " + returned.gatewayRef() + "（" + firm.brand() + "，承诺 " + firm.commitment().id()
                + "）：消费者于 " + request.getPurchase().getDate() + " 在 " + request.getPurchase().getOriginStore()
                        .getName() + " 购买 " + items + "，小票号 " + request.getPurchase().getReceiptNumber() + "，金额 "
                + request.getPurchase().getAmount().getValue().toPlainString() + " "
                + request.getPurchase().getAmount().getCurrency() + "；在 " + request.getReturnStore().getName()
                + " 申请退货，理由：" + request.getReason() + "\n" + what + "\nCross-store return "
                + returned.gatewayRef() + " (" + firm.id() + ", commitment " + firm.commitment().id()
                + "): bought on " + request.getPurchase().getDate() + " at store "
                + request.getPurchase().getOriginStore().getStoreCode() + ", receipt "
                + request.getPurchase().getReceiptNumber() + ", returned at store "
                + request.getReturnStore().getStoreCode() + ".";
    }

    private Optional<String> cannotCarry(Partner receiver, ExchangeMessage complaint) {
        PartnerAdapter format = adapters.forFormat(receiver.format());
        if (!format.messageTypes().contains(MessageKind.COMPLAINT)) {
            return Optional.of(receiver.format() + " carries no complaints");
        }
        try {
            format.toNative(complaint);
            return Optional.empty();
        } catch (IllegalArgumentException unwritable) {
            return Optional.of(receiver.format() + " cannot carry the complaint: " + unwritable.getMessage());
        }
    }
}
