package cn.consumerexchange.gateway.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One legal clock of one case: a value, changed only by returning a new one. The case lifecycle's status messages
 * drive it (start, pause for appraisal, resume, extend, stop); {@link LegalClocks#read} tells where it stands.
 *
 * @param kind           which clock
 * @param caseRef        the case it runs for
 * @param region         whose working days it counts: the calendar of the authority holding the clock
 * @param ruleSet        the rules chosen by the case's receipt date
 * @param caseReceivedOn the day the case was received, which chose the rule set
 * @param startedAt      the event that started it (receipt, acceptance, a clue found, a dispute raised)
 * @param startedOn      that day in the region's time zone; not counted
 * @param pauses         time not counted, in order
 * @param extended       whether the one extension its rule allows was taken
 * @param stoppedAt      when what it waited for happened (decided, agreed, checked, settled); null while running
 */
public record ClockState(
        ClockKind kind,
        String caseRef,
        CalendarRegion region,
        RuleSet ruleSet,
        LocalDate caseReceivedOn,
        Instant startedAt,
        LocalDate startedOn,
        List<ClockPause> pauses,
        boolean extended,
        Instant stoppedAt) {

    public ClockState {
        pauses = List.copyOf(pauses);
    }

    public ClockRule rule() {
        return ruleSet.rule(kind);
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
    }

    /** Stops counting, for testing or appraisal; only a clock whose rule allows it. */
    public ClockState pause(Instant at, String reason) {
        requireRunning("pause");
        if (!rule().pausable()) {
            throw new ClockTransitionException(kind + " of " + caseRef + " cannot be paused under " + rule().article());
        }
        if (isPaused()) {
            throw new ClockTransitionException(kind + " of " + caseRef + " is already paused");
        }
        requireNotBefore(at, startedAt, "pause");
        List<ClockPause> more = new ArrayList<>(pauses);
        more.add(new ClockPause(at, dayOf(at), null, null, reason));
        return new ClockState(kind, caseRef, region, ruleSet, caseReceivedOn, startedAt, startedOn, more, extended,
                null);
    }

    /** Counts again after testing or appraisal. */
    public ClockState resume(Instant at) {
        requireRunning("resume");
        if (!isPaused()) {
            throw new ClockTransitionException(kind + " of " + caseRef + " is not paused");
        }
        ClockPause open = pauses.get(pauses.size() - 1);
        requireNotBefore(at, open.pausedAt(), "resume");
        List<ClockPause> closed = new ArrayList<>(pauses.subList(0, pauses.size() - 1));
        closed.add(new ClockPause(open.pausedAt(), open.pausedOn(), at, dayOf(at), open.reason()));
        return new ClockState(kind, caseRef, region, ruleSet, caseReceivedOn, startedAt, startedOn, closed, extended,
                null);
    }

    /** Takes the one extension its rule allows (特殊情况下延长), e.g. a clue check by 15 working days. */
    public ClockState extend() {
        requireRunning("extend");
        if (rule().extension() == 0) {
            throw new ClockTransitionException(kind + " of " + caseRef + " cannot be extended under "
                    + rule().article());
        }
        if (extended) {
            throw new ClockTransitionException(kind + " of " + caseRef + " was already extended once");
        }
        return new ClockState(kind, caseRef, region, ruleSet, caseReceivedOn, startedAt, startedOn, pauses, true,
                null);
    }

    /**
     * What it waited for happened. A paused clock may stop too (mediation ended during appraisal): its pause ends with
     * it, so whether it stopped in time can still be told.
     */
    public ClockState stop(Instant at) {
        requireRunning("stop");
        requireNotBefore(at, startedAt, "stop");
        ClockState counted = isPaused() ? resume(at) : this;
        return new ClockState(kind, caseRef, region, ruleSet, caseReceivedOn, startedAt, startedOn, counted.pauses,
                extended, at);
    }

    LocalDate dayOf(Instant at) {
        return at.atZone(region.zone()).toLocalDate();
    }

    private void requireRunning(String action) {
        if (isStopped()) {
            throw new ClockTransitionException("cannot " + action + " " + kind + " of " + caseRef
                    + ": it stopped at " + stoppedAt);
        }
    }

    private void requireNotBefore(Instant at, Instant earliest, String action) {
        if (at.isBefore(earliest)) {
            throw new ClockTransitionException("cannot " + action + " " + kind + " of " + caseRef + " at " + at
                    + ", before " + earliest);
        }
    }
}
