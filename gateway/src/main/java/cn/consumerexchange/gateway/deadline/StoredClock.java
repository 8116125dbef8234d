package cn.consumerexchange.gateway.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A legal clock as the {@code legal_clock} table keeps it: its state, where it stood when last counted, and whether the
 * holding region was warned before its due day and told of its miss.
 *
 * @param id        the row
 * @param partner   the partner of the authority holding the clock, which the notices go to
 * @param state     the clock, rebuilt with its pauses
 * @param status    where it stood when last counted (at its last transition or sweep)
 * @param dueDate   its due day as then counted; null while paused or when a calendar is missing
 * @param problem   why the due day could not be counted; null otherwise
 * @param warnedAt  when the warning before its due day was queued; null until then
 * @param flaggedAt when its miss was flagged; null until then
 */
public record StoredClock(
        long id,
        String partner,
        ClockState state,
        ClockStatus status,
        LocalDate dueDate,
        String problem,
        OffsetDateTime warnedAt,
        OffsetDateTime flaggedAt) {
}
