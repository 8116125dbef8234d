package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Works out an approved return's refund and the settlement entry between the two stores (先行垫付、事后结算): the
 * return store refunds the consumer in its own currency, due 48 hours after approval under an advance-payment scheme
 * covering it (the commitment's refund time otherwise); the store of purchase owes it the same amount. A refund of
 * another currency than the purchase's is converted at the rate of the day of approval, which the entry states.
 */
@Component
class RefundSettlement {

    private final CommitmentRegistry registry;
    private final ExchangeRates rates;

    RefundSettlement(CommitmentRegistry registry, ExchangeRates rates) {
        this.registry = registry;
        this.rates = rates;
    }

    /** An approved return's refund and what the store of purchase owes for it. */
    record Settled(Refund refund, SettlementEntry entry) {
    }

    /**
     * @param refundAmount the refund approved, in the purchase's currency
     * @param approvedAt   when the region of purchase approved it
     * @param statementDay the day (China Standard Time) whose statement lists the entry
     */
    Settled settle(ReturnCase approved, BigDecimal refundAmount, OffsetDateTime approvedAt, LocalDate statementDay) {
        ChainFirm firm = registry.byCommitment(approved.commitmentId()).orElseThrow();
        FirmStore originStore = firm.store(approved.originStore()).orElseThrow();
        FirmStore returnStore = firm.store(approved.returnStore()).orElseThrow();
        Optional<AdvancePaymentScheme> scheme = registry.schemeFor(firm, returnStore);
        int hours = scheme.map(AdvancePaymentScheme::refundWithinHours)
                .orElse(firm.commitment().refundWithinHours());
        Conversion owed = rates.convert(refundAmount, approved.purchaseCurrency(), returnStore.currency(),
                approvedAt.atZoneSameInstant(ReturnEligibility.REGION_TIME).toLocalDate());
        Refund refund = new Refund(approved.gatewayRef(), owed.amount(), owed.currency(),
                approvedAt.plusHours(hours), scheme.map(AdvancePaymentScheme::id).orElse(null), null);
        SettlementEntry entry = new SettlementEntry(approved.gatewayRef(), statementDay, firm.id(), originStore.code(),
                approved.purchasePartner(), firm.id(), returnStore.code(), approved.returnPartner(), owed.amount(),
                owed.currency(), refundAmount, approved.purchaseCurrency(), owed.rate());
        return new Settled(refund, entry);
    }
}
