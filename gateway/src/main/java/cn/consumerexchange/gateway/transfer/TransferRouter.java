package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Report;
import cn.consumerexchange.contract.v1.Respondent;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.gateway.ledger.CaseJurisdiction;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Decides where a valid inbound message goes (分拨).
 *
 * <p>A complaint goes to the partner with jurisdiction over its respondent and opens a transferred case; so does a
 * report (举报), by the same rule (Order No. 121 art. 13–14, see {@link JurisdictionResolver}). A cross-store return
 * request (异地异店退货) opens a case with the region of purchase. Every other message is about a case the gateway
 * already knows and goes to the case's other party: the receiving side's status, evidence, records and return
 * decisions flow back to the origin, and the origin's follow-ups flow to the receiving side.
 */
@Component
public class TransferRouter {

    private static final Logger log = LoggerFactory.getLogger(TransferRouter.class);

    static final String DIVISION_PATH = "/ExchangeMessage/Complaint/Respondent/DivisionCode";
    static final String REPORT_DIVISION_PATH = "/ExchangeMessage/Report/Respondent/DivisionCode";
    static final String CASE_REF_PATH = "/ExchangeMessage/Envelope/CaseRef";
    static final String RETURN_DIVISION_PATH = "/ExchangeMessage/ReturnRequest/Purchase/OriginStore/DivisionCode";

    private final JurisdictionResolver jurisdiction;
    private final PartnerRegistry partners;
    private final TransferLedger ledger;
    private final GatewayReferences references;
    private final Clock clock;

    public TransferRouter(JurisdictionResolver jurisdiction, PartnerRegistry partners, TransferLedger ledger,
            GatewayReferences references, Clock clock) {
        this.jurisdiction = jurisdiction;
        this.partners = partners;
        this.ledger = ledger;
        this.references = references;
        this.clock = clock;
    }

    public Routing route(Partner sender, ExchangeMessage message) {
        if (message.getComplaint() != null) {
            Complaint complaint = message.getComplaint();
            return openCase(sender, message, complaint.getRespondent(), complaint.getOriginCaseNumber(),
                    DIVISION_PATH);
        }
        if (message.getReport() != null) {
            Report report = message.getReport();
            return openCase(sender, message, report.getRespondent(), report.getOriginCaseNumber(),
                    REPORT_DIVISION_PATH);
        }
        if (message.getReturnRequest() != null) {
            return openReturnCase(sender, message, message.getReturnRequest());
        }
        return routeFollowUp(sender, message);
    }

    /**
     * Opens the case of a cross-store return request (异地异店退货): it goes to the region of purchase, where the
     * purchase and the firm's commitment are recorded and the return is decided (brief §4 item 6), served as for a
     * complaint by the partner whose coverage is most specific for the store of purchase's division.
     */
    private Routing openReturnCase(Partner sender, ExchangeMessage message, ReturnRequest request) {
        String division = request.getPurchase().getOriginStore().getDivisionCode();
        Optional<Partner> region = jurisdiction.partnerFor(division);
        if (region.isEmpty()) {
            return refused(ErrorCode.NO_PARTNER_FOR_REGION, RETURN_DIVISION_PATH,
                    "No partner of the exchange serves division " + division + ", where the goods were bought, yet");
        }
        Partner receiver = region.get();
        if (receiver.code().equals(sender.code())) {
            return refused(ErrorCode.NO_JURISDICTION, RETURN_DIVISION_PATH, "The goods were bought in division "
                    + division + ", which the sender serves itself; a return is exchanged only between regions");
        }
        String gatewayRef = references.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseJurisdiction why = new CaseJurisdiction("RETURN_REGION_OF_PURCHASE", "退货申请交购买门店所在地 " + division
                + " 决定，由 " + receiver.code() + " 处理。\nA return is decided in the region of purchase: store division "
                + division + ", served by " + receiver.code() + ".", List.of());
        // The request's own case number where it gives one, else its message id: the sender's name for it.
        String originCaseNumber = request.getCaseRef() != null ? request.getCaseRef()
                : message.getEnvelope().getMessageId();
        return new Routing.Routed(receiver, gatewayRef, new TransferCase(gatewayRef, sender.code(),
                originCaseNumber, message.getEnvelope().getMessageId(), receiver.code(), division,
                CaseState.TRANSFERRED.name(), now, now, false, null, why));
    }

    /**
     * Opens a case with the authority that has jurisdiction (art. 13–14). The other authorities with jurisdiction are
     * recorded with the case, and told once it opens ({@link JurisdictionNotices}): a status update about the case,
     * never the complaint itself, which would pass the consumer's data to an authority that does not handle it.
     */
    private Routing openCase(Partner sender, ExchangeMessage message, Respondent respondent, String originCaseNumber,
            String divisionPath) {
        String division = respondent.getDivisionCode();
        // The earlier holders are a query the common case (one authority with jurisdiction) does without.
        Optional<JurisdictionDecision> decided = jurisdiction.decide(respondent, sender,
                () -> ledger.holdersOf(sender.code(), originCaseNumber));
        if (decided.isEmpty()) {
            return refused(ErrorCode.NO_PARTNER_FOR_REGION, divisionPath,
                    "No partner of the exchange serves division " + division + " yet");
        }
        JurisdictionDecision decision = decided.get();
        Partner receiver = decision.receiver();
        if (receiver.code().equals(sender.code())) {
            return refused(ErrorCode.NO_JURISDICTION, divisionPath,
                    decision.rule() == JurisdictionRule.ART14_FIRST_RECEIVER
                            ? "The sender has jurisdiction itself and received the case first (art. 14), so it is not"
                                    + " transferred: " + decision.explanationEn()
                            : "Division " + decision.division() + " is served by the sender itself; a case is"
                                    + " transferred only to another region");
        }
        String gatewayRef = references.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseJurisdiction why = new CaseJurisdiction(decision.rule().name(), decision.detail(),
                decision.others().stream().map(Partner::code).toList());
        TransferCase opened = new TransferCase(gatewayRef, sender.code(), originCaseNumber,
                message.getEnvelope().getMessageId(), receiver.code(), decision.division(),
                CaseState.TRANSFERRED.name(), now, now, false, null, why);
        if (!why.toTell().isEmpty()) {
            log.info("Case {} goes to {} by {}; also with jurisdiction, to be told: {}", gatewayRef, receiver.code(),
                    decision.rule(), why.toTell());
        }
        return new Routing.Routed(receiver, gatewayRef, opened);
    }

    private Routing routeFollowUp(Partner sender, ExchangeMessage message) {
        List<String> caseRefs = message.getEnvelope().getCaseRef();
        Optional<TransferCase> transferCase = caseRefs.stream()
                .filter(references::isGatewayReference)
                .map(ledger::findCase)
                .flatMap(Optional::stream)
                .filter(found -> found.involves(sender.code()))
                .findFirst();
        if (transferCase.isEmpty()) {
            // A case of another pair of partners is reported as unknown: its existence is not the sender's business.
            return refused(ErrorCode.UNKNOWN_CASE, CASE_REF_PATH,
                    "No transferred case " + caseRefs + " involves " + sender.code());
        }
        TransferCase found = transferCase.get();
        return new Routing.Routed(partners.require(found.counterpartOf(sender.code())), found.gatewayRef(), null);
    }

    private static Routing refused(ErrorCode code, String path, String reason) {
        return new Routing.Refused(List.of(new Violation(code, path, reason)));
    }
}
