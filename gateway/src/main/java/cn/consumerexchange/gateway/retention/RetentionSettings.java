package cn.consumerexchange.gateway.retention;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of payloads (保存期限), bound from {@code exchange.retention.*}.
 *
 * @param enabled       whether the gateway purges on its own schedule; off unless a deployment decides its period,
 *                      since a purged payload is gone for good (the command in README.md, "Retention", runs it by
 *                      hand either way)
 * @param payloadsAfter how long a payload is kept after its message settled and its case closed; quarantined input
 *                      is kept this long after it arrived
 * @param archive       where payloads are written (one zip with a manifest per batch) before they are purged; none
 *                      when unset
 * @param interval      how often the gateway looks for payloads past their period
 * @param batchSize     payloads read, archived and purged per transaction
 * @param vacuum        on PostgreSQL, {@code VACUUM} the purged tables after a run that purged anything, so their
 *                      space is reused at once instead of when autovacuum comes by
 */
@ConfigurationProperties("exchange.retention")
public record RetentionSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("180d") Duration payloadsAfter,
        Path archive,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("true") boolean vacuum) {
}
