package cn.consumerexchange.gateway.ledger.file;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Housekeeping of the embedded ledger file (台账文件整理), bound from {@code exchange.ledger-file.*}; nothing to do on
 * PostgreSQL.
 *
 * @param compactInterval how often the file's sparsest chunks are rewritten
 * @param targetFillRate  the share of live data, in percent, in the chunks old enough to be rewritten (older than
 *                        H2's retention time, 45 s): below it the sparsest are rewritten; 0 leaves the file to grow
 * @param writePerRound   how much live data one round rewrites, in bytes; rounds go on while there are chunks to
 *                        rewrite, until {@code maxTimePerRun} has passed
 * @param maxTimePerRun   how long one run may hold up the commits that wait for the file while it rewrites
 */
@ConfigurationProperties("exchange.ledger-file")
public record LedgerFileSettings(
        @DefaultValue("5s") Duration compactInterval,
        @DefaultValue("80") int targetFillRate,
        @DefaultValue("1048576") int writePerRound,
        @DefaultValue("200ms") Duration maxTimePerRun) {
}
