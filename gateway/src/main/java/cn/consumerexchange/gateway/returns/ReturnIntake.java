package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.ReturnDecision;
import cn.consumerexchange.contract.v1.ReturnOutcome;
import cn.consumerexchange.contract.v1.ReturnRequest;
import cn.consumerexchange.contract.v1.ReturnSettlement;
import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.partner.Partner;

/**
 * What the intake does with the return messages (异地异店退换货), in the transaction that records each: a request is
 * checked against the firm's commitment and opens a return; the region of purchase's decision approves it, with its
 * refund and settlement entry, or refuses it, and a refused return becomes a complaint there; the return store's
 * region reports the refund paid. A message the return cannot take is rejected with {@link ReturnRefusedException}.
 */
@Component
public class ReturnIntake {

    static final String DECISION_PATH = "/ExchangeMessage/ReturnDecision";
    static final String SETTLEMENT_PATH = "/ExchangeMessage/ReturnSettlement";

    private final ReturnEligibility eligibility;
    private final ReturnCases cases;
    private final RefundSettlement settlement;
    private final ReturnComplaints complaints;
    private final Clock clock;
    private final ReturnSettings settings;

    ReturnIntake(ReturnEligibility eligibility, ReturnCases cases, RefundSettlement settlement,
            ReturnComplaints complaints, Clock clock, ReturnSettings settings) {
        this.eligibility = eligibility;
        this.cases = cases;
        this.settlement = settlement;
        this.complaints = complaints;
        this.clock = clock;
        this.settings = settings;
    }

    /** Why a return request is not one the firm committed to take; empty for a request that is, and other messages. */
    public List<Violation> check(ExchangeMessage message) {
        return message.getReturnRequest() == null ? List.of() : eligibility.check(message.getReturnRequest());
    }

    /** Opens the return of an accepted request, due to be answered within {@code exchange.returns.answer-within}. */
    public void opened(TransferCase returnCase, ReturnRequest request) {
        ReturnEligibility.Covered covered = eligibility.covered(request).orElseThrow();
        OffsetDateTime now = now();
        Money paid = request.getPurchase().getAmount();
        cases.open(new ReturnCase(returnCase.gatewayRef(), covered.firm().commitment().id(), covered.firm().id(),
                returnCase.originPartner(), returnCase.receivingPartner(), covered.originStore().code(),
                covered.returnStore().code(), paid.getValue(), paid.getCurrency().value(), request.getRequestedAt(),
                now.plus(settings.answerWithin()), ReturnState.PENDING, null, null, null), now);
    }

    /**
     * Applies the region of purchase's decision: an approval records the refund and the settlement entry, a refusal
     * files the complaint the return becomes.
     *
     * @throws ReturnRefusedException when the decision cannot be applied
     */
    public void decided(String gatewayRef, Partner sender, ReturnDecision decision) {
        ReturnCase pending = pendingReturn(gatewayRef, sender, DECISION_PATH);
        if (!sender.code().equals(pending.purchasePartner())) {
            throw refused(ErrorCode.ILLEGAL_TRANSITION, DECISION_PATH + "/Decision", "Return " + gatewayRef
                    + " is decided by the region of purchase, " + pending.purchasePartner() + ", not "
                    + sender.code());
        }
        OffsetDateTime now = now();
        if (decision.getDecision() == ReturnOutcome.REFUSED) {
            cases.conclude(gatewayRef, ReturnState.REFUSED, decision.getDecidedAt(), decision.getReason(), now);
            complaints.file(cases.find(gatewayRef).orElseThrow(), "购买地 " + sender.code() + " 拒绝退货，理由："
                    + decision.getReason() + "\nThe region of purchase (" + sender.code() + ") refused the return: "
                    + decision.getReason());
            return;
        }
        BigDecimal refund = refundOf(pending, decision.getRefundAmount());
        cases.conclude(gatewayRef, ReturnState.APPROVED, decision.getDecidedAt(), null, now);
        RefundSettlement.Settled settled = settlement.settle(pending, refund, decision.getDecidedAt(),
                now.atZoneSameInstant(ReturnEligibility.REGION_TIME).toLocalDate());
        cases.recordRefund(settled.refund(), now);
        cases.recordEntry(settled.entry(), now);
    }

    /**
     * Records that the return store refunded the consumer (先行垫付).
     *
     * @throws ReturnRefusedException when the return has no refund to pay, or another
     */
    public void settled(String gatewayRef, Partner sender, ReturnSettlement paid) {
        ReturnCase approved = cases.lock(gatewayRef).orElseThrow(() -> refused(ErrorCode.UNKNOWN_CASE,
                SETTLEMENT_PATH + "/CaseRef", "Case " + gatewayRef + " is no cross-store return"));
        if (!sender.code().equals(approved.returnPartner())) {
            throw refused(ErrorCode.ILLEGAL_TRANSITION, SETTLEMENT_PATH + "/CaseRef", "The refund of return "
                    + gatewayRef + " is paid by the return store's region, " + approved.returnPartner() + ", not "
                    + sender.code());
        }
        Refund refund = cases.refundOf(gatewayRef).orElseThrow(() -> refused(ErrorCode.ILLEGAL_TRANSITION,
                SETTLEMENT_PATH + "/CaseRef", "Return " + gatewayRef + " is " + approved.state()
                        + ": it has no approved refund to pay"));
        Money amount = paid.getRefundAmount();
        if (!amount.getCurrency().value().equals(refund.currency())
                || amount.getValue().compareTo(refund.amount()) != 0) {
            throw refused(ErrorCode.RETURN_AMOUNT_MISMATCH, SETTLEMENT_PATH + "/RefundAmount", "Return "
                    + gatewayRef + " was approved for a refund of " + refund.amount().toPlainString() + " "
                    + refund.currency() + ", not " + amount.getValue().toPlainString() + " " + amount.getCurrency());
        }
        if (!cases.refunded(gatewayRef, paid.getRefundedAt())) {
            throw refused(ErrorCode.ILLEGAL_TRANSITION, SETTLEMENT_PATH + "/RefundedAt", "The refund of return "
                    + gatewayRef + " was already reported paid");
        }
    }

    /**
     * Turns a return whose answer is overdue into a complaint in the region of purchase; false when it was decided
     * meanwhile. Runs in the caller's transaction.
     */
    boolean unanswered(String gatewayRef, OffsetDateTime now) {
        ReturnCase pending = cases.lock(gatewayRef).orElseThrow();
        if (pending.state() != ReturnState.PENDING || !pending.answerDue().isBefore(now)) {
            return false;
        }
        cases.conclude(gatewayRef, ReturnState.UNANSWERED, null, null, now);
        complaints.file(pending, "购买地 " + pending.purchasePartner() + " 未在 " + pending.answerDue()
                + " 前答复退货申请。\nThe region of purchase (" + pending.purchasePartner()
                + ") did not answer the return by " + pending.answerDue() + ".");
        return true;
    }

    private ReturnCase pendingReturn(String gatewayRef, Partner sender, String path) {
        ReturnCase found = cases.lock(gatewayRef).orElseThrow(() -> refused(ErrorCode.UNKNOWN_CASE,
                path + "/CaseRef", "Case " + gatewayRef + " is no cross-store return"));
        if (found.state() != ReturnState.PENDING) {
            throw refused(ErrorCode.ILLEGAL_TRANSITION, path + "/Decision", "Return " + gatewayRef + " is already "
                    + found.state() + (found.complaintRef() == null ? "" : ", and became complaint "
                            + found.complaintRef()) + "; it takes no decision from " + sender.code() + " now");
        }
        return found;
    }

    /** The refund approved: the one the decision states, or the price paid; never more, in the purchase's currency. */
    private static BigDecimal refundOf(ReturnCase pending, Money stated) {
        if (stated == null) {
            return pending.purchaseAmount();
        }
        if (!stated.getCurrency().value().equals(pending.purchaseCurrency())
                || stated.getValue().compareTo(pending.purchaseAmount()) > 0) {
            throw refused(ErrorCode.RETURN_AMOUNT_MISMATCH, DECISION_PATH + "/RefundAmount", "The refund approved, "
                    + stated.getValue().toPlainString() + " " + stated.getCurrency() + ", is not within the"
                    + " purchase of " + pending.purchaseAmount().toPlainString() + " " + pending.purchaseCurrency());
        }
        return stated.getValue();
    }

    private static ReturnRefusedException refused(ErrorCode code, String path, String reason) {
        return new ReturnRefusedException(new Violation(code, path, reason));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
