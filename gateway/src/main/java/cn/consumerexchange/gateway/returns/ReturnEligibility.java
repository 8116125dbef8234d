package cn.consumerexchange.gateway.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.ChainStore;
import cn.consumerexchange.contract.v1.Money;
import cn.consumerexchange.contract.v1.PurchasedItem;
import cn.consumerexchange.contract.v1.ReturnPurchase;
import cn.consumerexchange.contract.v1.ReturnRequest;

/**
 * Decides whether a return request is a no-reason return the firm committed to (线下无理由退货): a commitment of the
 * registry covers both stores, the return is asked for within its period, no item is of the goods it excludes, the
 * purchase adds up, and the consumer asks for no compensation (a claim for compensation is a complaint, 投诉, not a
 * return). Each broken rule is one violation with its own code, naming the field.
 */
@Component
public class ReturnEligibility {

    static final String PATH = "/ExchangeMessage/ReturnRequest";
    /** The regions of the exchange keep China Standard Time, Hong Kong and Macao alike: days are counted in it. */
    static final ZoneOffset REGION_TIME = ZoneOffset.ofHours(8);
    /**
     * Words of a request for compensation (赔偿): punitive damages (退一赔三, 假一赔十), compensation for a loss. A
     * no-reason return refunds the price and nothing more.
     */
    static final List<String> COMPENSATION_WORDS = List.of("赔偿", "赔付", "退一赔", "假一赔", "三倍", "十倍",
            "惩罚性", "compensation", "damages");

    private final CommitmentRegistry registry;

    public ReturnEligibility(CommitmentRegistry registry) {
        this.registry = registry;
    }

    /** A request the registry's commitment covers, with the firm and both of its stores. */
    public record Covered(ChainFirm firm, FirmStore originStore, FirmStore returnStore) {
    }

    /** Every reason the request is not a return the firm committed to take; empty when it is one. */
    public List<Violation> check(ReturnRequest request) {
        List<Violation> violations = new ArrayList<>();
        compensation(request).ifPresent(violations::add);
        Optional<Covered> covered = covered(request, violations);
        covered.ifPresent(found -> {
            period(request, found.firm().commitment()).ifPresent(violations::add);
            violations.addAll(excluded(request.getPurchase(), found.firm().commitment()));
        });
        amount(request.getPurchase()).ifPresent(violations::add);
        return violations;
    }

    /** The firm and stores of a request, when the registry covers them. */
    public Optional<Covered> covered(ReturnRequest request) {
        return covered(request, new ArrayList<>());
    }

    private Optional<Covered> covered(ReturnRequest request, List<Violation> violations) {
        String commitmentId = request.getCommitmentId();
        ChainStore origin = request.getPurchase().getOriginStore();
        Optional<ChainFirm> firm = commitmentId != null
                ? registry.byCommitment(commitmentId)
                : registry.byStore(origin.getStoreCode());
        if (firm.isEmpty()) {
            violations.add(commitmentId != null
                    ? new Violation(ErrorCode.UNKNOWN_COMMITMENT, PATH + "/CommitmentId",
                            "No firm of the exchange has made commitment " + commitmentId)
                    : new Violation(ErrorCode.UNKNOWN_COMMITMENT, PATH + "/Purchase/OriginStore/StoreCode",
                            "Store " + origin.getStoreCode() + " belongs to no firm with a no-reason return"
                                    + " commitment in the exchange's registry"));
            return Optional.empty();
        }
        Optional<FirmStore> originStore = store(firm.get(), origin, PATH + "/Purchase/OriginStore", violations);
        Optional<FirmStore> returnStore = store(firm.get(), request.getReturnStore(), PATH + "/ReturnStore",
                violations);
        if (originStore.isEmpty() || returnStore.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Covered(firm.get(), originStore.get(), returnStore.get()));
    }

    private static Optional<FirmStore> store(ChainFirm firm, ChainStore named, String path,
            List<Violation> violations) {
        Optional<FirmStore> store = firm.store(named.getStoreCode());
        if (store.isEmpty()) {
            violations.add(new Violation(ErrorCode.UNKNOWN_COMMITMENT, path + "/StoreCode", "Store "
                    + named.getStoreCode() + " is not a store of " + firm.brand() + " (" + firm.id()
                    + "), whose commitment " + firm.commitment().id() + " covers its own stores only"));
        } else if (!store.get().division().equals(named.getDivisionCode())) {
            violations.add(new Violation(ErrorCode.UNKNOWN_COMMITMENT, path + "/DivisionCode", "Store "
                    + named.getStoreCode() + " is registered in division " + store.get().division() + ", not "
                    + named.getDivisionCode()));
            return Optional.empty();
        }
        return store;
    }

    private static Optional<Violation> compensation(ReturnRequest request) {
        String reason = request.getReason().toLowerCase(Locale.ROOT);
        return COMPENSATION_WORDS.stream().filter(reason::contains).findFirst()
                .map(word -> new Violation(ErrorCode.COMPENSATION_NOT_RETURN, PATH + "/Reason",
                        "The reason asks for compensation (\"" + word + "\"): a no-reason return refunds the price"
                                + " only; the consumer's claim is a complaint to file in the region of purchase"));
    }

    private static Optional<Violation> period(ReturnRequest request, ReturnCommitment commitment) {
        LocalDate bought = request.getPurchase().getDate();
        LocalDate lastDay = bought.plusDays(commitment.periodDays());
        LocalDate asked = request.getRequestedAt().atZoneSameInstant(REGION_TIME).toLocalDate();
        if (!asked.isAfter(lastDay)) {
            return Optional.empty();
        }
        return Optional.of(new Violation(ErrorCode.RETURN_PERIOD_EXPIRED, PATH + "/RequestedAt", "Bought on "
                + bought + "; commitment " + commitment.id() + " takes returns for " + commitment.periodDays()
                + " days after the day of purchase, until " + lastDay + "; the return was asked for on " + asked));
    }

    private static List<Violation> excluded(ReturnPurchase purchase, ReturnCommitment commitment) {
        List<Violation> violations = new ArrayList<>();
        List<PurchasedItem> items = purchase.getItem();
        for (int i = 0; i < items.size(); i++) {
            String name = items.get(i).getName();
            int index = i;
            commitment.exclusionOf(name).ifPresent(exclusion -> violations.add(new Violation(
                    ErrorCode.GOODS_EXCLUDED, PATH + "/Purchase/" + step(index, items.size()) + "/Name",
                    "Commitment " + commitment.id() + " excludes " + exclusion + " from no-reason returns; item "
                            + (index + 1) + " is " + name)));
        }
        return violations;
    }

    private static Optional<Violation> amount(ReturnPurchase purchase) {
        Money total = purchase.getAmount();
        BigDecimal sum = BigDecimal.ZERO;
        for (PurchasedItem item : purchase.getItem()) {
            if (item.getUnitPrice().getCurrency() != total.getCurrency()) {
                return Optional.of(new Violation(ErrorCode.RETURN_AMOUNT_MISMATCH, PATH + "/Purchase/Amount",
                        "The items are priced in " + item.getUnitPrice().getCurrency() + " and the purchase in "
                                + total.getCurrency() + "; a purchase is in one currency"));
            }
            sum = sum.add(item.getUnitPrice().getValue().multiply(BigDecimal.valueOf(item.getQuantity())));
        }
        if (sum.compareTo(total.getValue()) != 0) {
            return Optional.of(new Violation(ErrorCode.RETURN_AMOUNT_MISMATCH, PATH + "/Purchase/Amount",
                    "The items add up to " + sum.toPlainString() + " " + total.getCurrency() + "; the purchase"
                            + " states " + total.getValue().toPlainString()));
        }
        return Optional.empty();
    }

    /** {@code Item[2]} for the second of several, plain {@code Item} for the only one, as the contract's paths. */
    private static String step(int index, int count) {
        return count > 1 ? "Item[" + (index + 1) + "]" : "Item";
    }
}
