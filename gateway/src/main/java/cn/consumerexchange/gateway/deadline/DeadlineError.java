package cn.consumerexchange.gateway.deadline;

/** The error codes of the deadline feature: what went wrong, for operators and logs. */
public enum DeadlineError {
    /** A date was asked of a year whose calendar is not loaded: the gateway never guesses one. */
    CALENDAR_MISSING,
    /** A calendar file cannot be read: bad name, header, date, kind, or a date outside the file's year. */
    CALENDAR_INVALID,
    /** A clock was asked to do what its state or rule does not allow (resume a running clock, extend twice). */
    ILLEGAL_CLOCK_TRANSITION
}
