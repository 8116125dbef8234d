package cn.consumerexchange.gateway.deadline;

/** Where a clock stands at a moment. */
public enum ClockStatus {
    /** Running, its due day more than the warning's working days away. */
    ON_TIME,
    /** Running, its due day within the warning's working days: operators are warned. */
    DUE_SOON,
    /** Running past the end of its due day: operators see a flag. */
    MISSED,
    /** Paused for testing or appraisal; no due day until it runs again. */
    PAUSED,
    /** What it waited for happened; see {@link ClockReading#stoppedInTime()}. */
    STOPPED,
    /** Its due day cannot be counted: a year it runs into has no calendar loaded. */
    CALENDAR_MISSING
}
