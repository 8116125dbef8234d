package cn.consumerexchange.gateway.returns;

import java.util.List;

/**
 * An advance-payment scheme (先行垫付) that refunds a consumer first and settles with the store later, such as
 * Jiangsu's 48-hour fund or the Yangtze Delta demonstration zone's alliance. It covers returns taken in a store
 * within its divisions.
 *
 * @param divisions GB/T 2260 codes of provinces, prefectures or counties the scheme covers
 */
public record AdvancePaymentScheme(String id, String name, int refundWithinHours, List<String> divisions) {

    public AdvancePaymentScheme {
        divisions = List.copyOf(divisions);
    }

    /** Whether a store in {@code division} is within the scheme: the county, its prefecture or its province. */
    public boolean covers(String division) {
        return divisions.contains(division) || divisions.contains(division.substring(0, 4) + "00")
                || divisions.contains(division.substring(0, 2) + "0000");
    }
}
