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
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/**
 * Decides where a valid inbound message goes (分拨).
 *
 * <p>A complaint goes to the partner with jurisdiction over its respondent and opens a transferred case. Every other
 * message is about a case the gateway already knows and goes to the case's other party: the receiving side's status,
 * evidence and records flow back to the origin, and the origin's follow-ups flow to the receiving side.
 */
@Component
public class TransferRouter {

    static final String DIVISION_PATH = "/ExchangeMessage/Complaint/Respondent/DivisionCode";
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
        return message.getComplaint() != null
                ? routeComplaint(sender, message)
                : routeFollowUp(sender, message);
    }

    private Routing routeComplaint(Partner sender, ExchangeMessage message) {
        Complaint complaint = message.getComplaint();
        String division = complaint.getRespondent().getDivisionCode();
        Optional<Partner> receiver = jurisdiction.partnerFor(division);
        if (receiver.isEmpty()) {
            return refused(ErrorCode.NO_PARTNER_FOR_REGION, DIVISION_PATH,
                    "No partner of the exchange serves division " + division + " yet");
        }
        if (receiver.get().code().equals(sender.code())) {
            return refused(ErrorCode.NO_JURISDICTION, DIVISION_PATH, "Division " + division
                    + " is served by the sender itself; a complaint is transferred only to another region");
        }
        String gatewayRef = references.next();
        OffsetDateTime now = OffsetDateTime.now(clock);
        TransferCase opened = new TransferCase(gatewayRef, sender.code(), complaint.getOriginCaseNumber(),
                message.getEnvelope().getMessageId(), receiver.get().code(), division, CaseState.TRANSFERRED.name(), now, now, false);
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
