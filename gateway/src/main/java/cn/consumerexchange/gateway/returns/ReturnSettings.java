package cn.consumerexchange.gateway.returns;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-store returns (异地异店退换货), bound from {@code exchange.returns.*}. The commitments and the exchange rates are
 * data, read from {@code returns/} of the partner locations.
 *
 * @param answerWithin       how long the region of purchase has to decide a return request; unanswered after it, the
 *                           return becomes a complaint there
 * @param sweepInterval      how often the sweeper looks for overdue answers; one gateway instance at a time sweeps
 * @param complaintCategory  the complaint category (GB/T 42499) of the complaint a refused or unanswered return becomes
 */
@ConfigurationProperties("exchange.returns")
public record ReturnSettings(
        @DefaultValue("24h") Duration answerWithin,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("010101001") String complaintCategory) {
}
