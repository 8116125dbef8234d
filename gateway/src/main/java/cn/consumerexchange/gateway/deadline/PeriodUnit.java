package cn.consumerexchange.gateway.deadline;

/** What a period counts. */
public enum PeriodUnit {
    /** Working days (工作日) of the clock's calendar. */
    WORKING_DAYS,
    /** Calendar days (日); a period whose last day is not a working day ends on the next working day (art. 45). */
    NATURAL_DAYS
}
