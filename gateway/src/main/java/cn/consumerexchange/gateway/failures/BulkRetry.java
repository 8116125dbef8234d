package cn.consumerexchange.gateway.failures;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.consumerexchange.gateway.transfer.DeliveryRetry;

/**
 * Bulk retry by filter (批量重试): every failed delivery the filter matches, up to a limit, requeued under one audited
 * action that each of their next attempts names, so the link to the original attempts and to who asked stays. The
 * preview shows what a retry would touch.
 */
@Component
public class BulkRetry {

    /** The most messages one bulk retry touches, and the default. */
    public static final int MAX_LIMIT = 1_000;
    /** How many matches a preview shows. */
    public static final int SAMPLE = 20;

    private final FailedDeliveries failures;
    private final DeliveryRetry retries;

    BulkRetry(FailedDeliveries failures, DeliveryRetry retries) {
        this.failures = failures;
        this.retries = retries;
    }

    /** What a bulk retry would touch: how many match, and the first of them. */
    public record Preview(long matched, int limit, List<FailedDeliveries.Failure> sample) {
    }

    /** What a bulk retry did. */
    public record Outcome(long actionId, long matched, List<Long> retried, List<DeliveryRetry.Skipped> skipped) {
    }

    public Preview preview(FailureFilter filter, Integer limit) {
        return new Preview(failures.count(filter), limitOf(limit), failures.page(filter, 0, SAMPLE).items());
    }

    /** Retries the first {@code limit} matches, the longest failing first; {@code matched} counts all of them. */
    public Outcome retry(FailureFilter filter, Integer limit, String operator, String reason) {
        long matched = failures.count(filter);
        List<Long> ids = failures.ids(filter, limitOf(limit));
        String subject = filter.receiver() == null ? "messages" : "messages:" + filter.receiver();
        DeliveryRetry.BulkResult result = retries.retryAll(ids, operator, subject, filter.describe(), reason);
        return new Outcome(result.actionId(), matched, result.retried(), result.skipped());
    }

    private static int limitOf(Integer limit) {
        return limit == null || limit <= 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
