package cn.consumerexchange.gateway.deadline;

/** A calendar file that cannot be trusted; the gateway does not start with it. The message names file and line. */
public class CalendarFileException extends IllegalStateException {

    public CalendarFileException(String file, int line, String problem) {
        super(DeadlineError.CALENDAR_INVALID + ": " + file + (line > 0 ? " line " + line : "") + ": " + problem);
    }

    public DeadlineError code() {
        return DeadlineError.CALENDAR_INVALID;
    }
}
