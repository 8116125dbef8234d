package cn.consumerexchange.gateway.deadline;

/** A clock was asked to pause, resume, extend or stop where its state or its rule does not allow it. */
public class ClockTransitionException extends IllegalStateException {

    public ClockTransitionException(String problem) {
        super(DeadlineError.ILLEGAL_CLOCK_TRANSITION + ": " + problem);
    }

    public DeadlineError code() {
        return DeadlineError.ILLEGAL_CLOCK_TRANSITION;
    }
}
