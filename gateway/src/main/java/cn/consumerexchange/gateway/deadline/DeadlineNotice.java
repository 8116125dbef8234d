package cn.consumerexchange.gateway.deadline;

/** What the deadline sweeper tells operators and the holding region of a clock, once each. */
public enum DeadlineNotice {
    /** Its due day is near (时限预警): {@link DeadlineSettings#warnWorkingDays()} working days or fewer remain. */
    WARNING("W", "法定时限将至 / Deadline due soon"),
    /** Its due day has passed with the clock still running (超期): the miss is flagged. */
    MISSED("M", "法定时限已过 / Deadline missed");

    private final String suffix;
    private final String heading;

    DeadlineNotice(String suffix, String heading) {
        this.suffix = suffix;
        this.heading = heading;
    }

    /** Ends the notice's message id, which the ledger's unique key then holds to one per clock run. */
    String suffix() {
        return suffix;
    }

    /** How the notice's text begins, in both languages. */
    String heading() {
        return heading;
    }
}
