package cn.consumerexchange.gateway.related;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How much two complaints look like one dispute: the same consumer (0.40), the same respondent (0.25), the same
 * purchase (0.35), with the reasons that scored. Some differences rule a match out whatever else agrees: identity
 * numbers that differ (two people, e.g. a family sharing a phone), no respondent in common, purchases further apart
 * than the window (a new purchase, not a second filing). Pure.
 */
final class DuplicateScore {

    static final int NEAR_DAYS = 3;

    private DuplicateScore() {
    }

    /** A score between 0 and 1 and the reasons behind it. */
    record Scored(double score, List<MatchReason> reasons) {
    }

    /** Empty when a difference rules the match out. */
    static Optional<Scored> of(CaseProfile a, CaseProfile b, Duration purchaseWindow) {
        if (a.differs(b, KeyKind.CONSUMER_ID)
                || !(a.shares(b, KeyKind.RESPONDENT_CODE) || a.shares(b, KeyKind.RESPONDENT_NAME))) {
            return Optional.empty();
        }
        List<MatchReason> reasons = new ArrayList<>();
        double consumer = consumer(a, b, reasons);
        double respondent = respondent(a, b, reasons);
        Optional<Double> purchase = purchase(a, b, purchaseWindow, reasons);
        if (purchase.isEmpty()) {
            return Optional.empty();
        }
        double score = Math.round((consumer + respondent + purchase.get()) * 1000) / 1000.0;
        return Optional.of(new Scored(score, List.copyOf(reasons)));
    }

    private static double consumer(CaseProfile a, CaseProfile b, List<MatchReason> reasons) {
        boolean id = note(a.shares(b, KeyKind.CONSUMER_ID), MatchReason.SAME_ID_NUMBER, reasons);
        boolean phone = note(a.shares(b, KeyKind.CONSUMER_PHONE), MatchReason.SAME_PHONE, reasons);
        boolean name = note(a.shares(b, KeyKind.CONSUMER_NAME), MatchReason.SAME_NAME, reasons);
        if (id || phone && name) {
            return 0.40;
        }
        if (name) {
            return 0.25;
        }
        // One phone, two names: often a family's or a shop's number, not one consumer.
        return phone ? 0.10 : 0.0;
    }

    private static double respondent(CaseProfile a, CaseProfile b, List<MatchReason> reasons) {
        boolean code = note(a.shares(b, KeyKind.RESPONDENT_CODE), MatchReason.SAME_RESPONDENT_CODE, reasons);
        boolean name = note(a.shares(b, KeyKind.RESPONDENT_NAME), MatchReason.SAME_RESPONDENT_NAME, reasons);
        boolean address = note(a.shares(b, KeyKind.RESPONDENT_ADDRESS), MatchReason.SAME_RESPONDENT_ADDRESS, reasons);
        if (code || name && address) {
            return 0.25;
        }
        if (a.differs(b, KeyKind.RESPONDENT_CODE)) {
            // One name, two registered businesses.
            return 0.05;
        }
        return 0.20;
    }

    private static Optional<Double> purchase(CaseProfile a, CaseProfile b, Duration window, List<MatchReason> reasons) {
        double score = 0.0;
        Optional<Long> days = daysApart(a, b);
        if (days.isPresent()) {
            long apart = days.get();
            if (apart > window.toDays()) {
                return Optional.empty();
            }
            if (apart == 0) {
                score += 0.15;
                reasons.add(MatchReason.SAME_PURCHASE_DATE);
            } else if (apart <= NEAR_DAYS) {
                score += 0.06;
                reasons.add(MatchReason.PURCHASE_DATE_NEAR);
            } else {
                score += 0.03;
                reasons.add(MatchReason.PURCHASE_DATE_IN_WINDOW);
            }
        }
        if (note(a.shares(b, KeyKind.PURCHASE_AMOUNT), MatchReason.AMOUNT_EQUAL, reasons)) {
            score += 0.12;
        }
        if (note(a.shares(b, KeyKind.PURCHASE_STORE), MatchReason.SAME_STORE, reasons)) {
            score += 0.05;
        }
        if (note(a.shares(b, KeyKind.PURCHASE_CHANNEL), MatchReason.SAME_CHANNEL, reasons)) {
            score += 0.03;
        }
        return Optional.of(score);
    }

    /** The smallest distance between the purchase dates, if both have one. */
    private static Optional<Long> daysApart(CaseProfile a, CaseProfile b) {
        return a.values(KeyKind.PURCHASE_DATE).stream()
                .flatMap(x -> b.values(KeyKind.PURCHASE_DATE).stream()
                        .map(y -> Math.abs(ChronoUnit.DAYS.between(LocalDate.parse(x), LocalDate.parse(y)))))
                .min(Long::compare);
    }

    private static boolean note(boolean holds, MatchReason reason, List<MatchReason> reasons) {
        if (holds) {
            reasons.add(reason);
        }
        return holds;
    }
}
