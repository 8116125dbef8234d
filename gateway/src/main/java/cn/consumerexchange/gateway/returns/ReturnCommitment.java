package cn.consumerexchange.gateway.returns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A firm's offline no-reason return commitment (线下无理由退货承诺): goods bought in one of its stores may be returned,
 * without a reason, in any of them within {@code periodDays} of the purchase, except the goods it excludes.
 *
 * @param periodDays        days after the day of purchase in which a return is taken; at least 7
 * @param refundWithinHours how soon an approved return is refunded outside an advance-payment scheme
 * @param excludedGoods     words naming goods excluded from no-reason returns (定制, 食品...), matched in item names
 */
public record ReturnCommitment(String id, int periodDays, int refundWithinHours, List<String> excludedGoods) {

    /** The shortest period the commitments of the action plans allow (七日无理由退货). */
    public static final int MINIMUM_PERIOD_DAYS = 7;

    public ReturnCommitment {
        excludedGoods = List.copyOf(excludedGoods);
        if (periodDays < MINIMUM_PERIOD_DAYS) {
            throw new IllegalArgumentException("Commitment " + id + " takes returns for " + periodDays
                    + " days; a no-reason return commitment takes them for at least " + MINIMUM_PERIOD_DAYS);
        }
        if (refundWithinHours <= 0) {
            throw new IllegalArgumentException("Commitment " + id + " needs a refund time in hours");
        }
    }

    /** The exclusion an item's name falls under, if any. */
    public Optional<String> exclusionOf(String itemName) {
        String name = itemName.toLowerCase(Locale.ROOT);
        return excludedGoods.stream().filter(word -> name.contains(word.toLowerCase(Locale.ROOT))).findFirst();
    }
}
