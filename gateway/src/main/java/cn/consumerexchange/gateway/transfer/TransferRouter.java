package cn.consumerexchange.gateway.transfer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.CaseState;
import cn.consumerexchange.contract.v1.Complaint;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Report;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Decides where a valid inbound message goes (分拨).
 *
 * <p>A complaint goes to the partner with jurisdiction over its respondent and opens a transferred case; so does a
 * report (举报), by the same rule (Order No. 121 art. 13–14). Every other
 * message is about a case the gateway already knows and goes to the case's other party: the receiving side's status,
 * evidence and records flow back to the origin, and the origin's follow-ups flow to the receiving side.
 */
@Component
public class TransferRouter {

    static final String DIVISION_PATH = "/ExchangeMessage/Complaint/Respondent/DivisionCode";
    static final String REPORT_DIVISION_PATH = "/ExchangeMessage/Report/Respondent/DivisionCode";
    static final String CASE_REF_PATH = "/ExchangeMessage/Envelope/CaseRef";

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
            return openCase(sender, message, complaint.getRespondent().getDivisionCode(),
                    complaint.getOriginCaseNumber(), DIVISION_PATH);
        }
        if (message.getReport() != null) {
            Report report = message.getReport();
            return openCase(sender, message, report.getRespondent().getDivisionCode(), report.getOriginCaseNumber(),
                    REPORT_DIVISION_PATH);
        }
        return routeFollowUp(sender, message);
    }

    private Routing openCase(Partner sender, ExchangeMessage message, String division, String originCaseNumber,
            String divisionPath) {
        Optional<Partner> receiver = jurisdiction.partnerFor(division);
        if (receiver.isEmpty()) {
            return refused(ErrorCode.NO_PARTNER_FOR_REGION, divisionPath,
                    "No partner of the exchange serves division " + division + " yet");
        }
        if (receiver.get().code().equals(sender.code())) {
            return refused(ErrorCode.NO_JURISDICTION, divisionPath, "Division " + division
                    + " is served by the sender itself; a case is transferred only to another region");
        }
        String gatewayRef = references.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        TransferCase opened = new TransferCase(gatewayRef, sender.code(), originCaseNumber,
                message.getEnvelope().getMessageId(), receiver.get().code(), division, CaseState.TRANSFERRED.name(),
                now, now, false, null);
        return new Routing.Routed(receiver.get(), gatewayRef, opened);
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
