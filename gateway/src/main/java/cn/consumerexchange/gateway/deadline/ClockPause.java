package cn.consumerexchange.gateway.deadline;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Time a clock does not count: testing or appraisal (检测、检验、检定、鉴定) during mediation. Counted as art. 45
 * counts: the day it began still runs, the days after it up to and including the day it ended do not.
 *
 * @param pausedAt  when it began
 * @param pausedOn  that day in the clock's calendar region
 * @param resumedAt when the clock ran again; null while paused
 * @param resumedOn that day; null while paused
 * @param reason    why, e.g. "鉴定: 委托某检测机构"
 */
public record ClockPause(Instant pausedAt, LocalDate pausedOn, Instant resumedAt, LocalDate resumedOn, String reason) {

    public boolean isOpen() {
        return resumedAt == null;
    }

    /** Whether {@code day} is not counted. */
    public boolean covers(LocalDate day) {
        return day.isAfter(pausedOn) && (resumedOn == null || !day.isAfter(resumedOn));
    }
}
