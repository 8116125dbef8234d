package cn.consumerexchange.gateway.evidence;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence files (维权证据), bound from {@code exchange.evidence.*}.
 *
 * @param root                 the directory of the file-system evidence store
 * @param maxFileSize          a file larger than this is refused with {@code EVIDENCE_TOO_LARGE}
 * @param maxConcurrentUploads uploads received at once over HTTP; more are answered 503, so uploads never take the
 *                             threads the message intake and the health check need
 * @param uploadGrace          the slow-client deadline of an upload is this plus its size at {@code minUploadRate}
 * @param minUploadRate        the slowest rate, per second, at which an upload must arrive
 * @param linkLifetime         how long a download link in a delivered manifest stays valid (the links themselves:
 *                             {@link cn.consumerexchange.gateway.web.ReceiverLinks})
 */
@ConfigurationProperties("exchange.evidence")
public record EvidenceSettings(
        @DefaultValue("data/evidence") Path root,
        @DefaultValue("8GB") DataSize maxFileSize,
        @DefaultValue("16") int maxConcurrentUploads,
        @DefaultValue("30s") Duration uploadGrace,
        @DefaultValue("256KB") DataSize minUploadRate,
        @DefaultValue("1h") Duration linkLifetime) {

    /** The longest an upload of {@code size} bytes (or of the largest file, when unknown) may take. */
    Duration uploadDeadline(long size) {
        long bytes = size >= 0 ? size : maxFileSize.toBytes();
        return uploadGrace.plusSeconds(bytes / Math.max(1, minUploadRate.toBytes()));
    }
}
