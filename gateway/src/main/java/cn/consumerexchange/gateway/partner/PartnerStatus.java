package cn.consumerexchange.gateway.partner;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One partner as operators see it: who it is, its switch, whether deliveries to it run, and how they stand.
 *
 * @param enabled     the operator's switch (启用/停用), as every instance sharing the database follows it
 * @param switchedBy  who last switched it; null while the seeds' starting state holds
 * @param switchedAt  when
 * @param delivering  whether its delivery route runs on this instance now; off while switched off or while its
 *                    transport is unavailable
 * @param circuit     {@code CLOSED} while the partner takes deliveries, {@code OPEN} while it is left alone after
 *                    repeated failures, {@code HALF_OPEN} while a probe tells whether it is back
 * @param delivery    how deliveries to it are retried
 * @param health      backlog, oldest waiting, failed, last success and error rate
 */
public record PartnerStatus(String code, String authority, String name, String format, Transport transport,
        List<String> divisions, boolean enabled, String switchedBy, OffsetDateTime switchedAt, boolean delivering,
        String circuit, DeliveryPolicy delivery, PartnerHealthFigures.Figures health) {
}
