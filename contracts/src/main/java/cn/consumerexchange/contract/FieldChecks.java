package cn.consumerexchange.contract;

import cn.consumerexchange.contract.v1.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that fields of every message family share. Each check adds what it finds to one list, so a
 * message is checked completely before anyone looks at the result. Null fields are skipped: the schema
 * says which are required, and the codec enforces it on both read and write.
 */
final class FieldChecks {

    /** Partners' clocks drift; a timestamp this far ahead of ours is still taken as "now". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** The mainland, Hong Kong and Macao all keep UTC+8 without daylight saving: dates are read there. */
    private static final ZoneOffset CHINA_TIME = ZoneOffset.ofHours(8);

    private static final int MAX_FRACTION_DIGITS = 2;
    private static final int MAX_DIGITS = 18;

    private final DivisionCodes divisions;
    private final Instant latestInstant;
    private final LocalDate latestDate;
    private final List<Violation> violations = new ArrayList<>();

    FieldChecks(DivisionCodes divisions, Clock clock) {
        this.divisions = divisions;
        this.latestInstant = clock.instant().plus(CLOCK_SKEW);
        this.latestDate = LocalDate.ofInstant(latestInstant, CHINA_TIME);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    void add(ErrorCode code, String path, String reason) {
        violations.add(new Violation(code, path, reason));
    }

    void require(Object value, String path, String reason) {
        if (value == null) {
            add(ErrorCode.MISSING_FIELD, path, reason);
        }
    }

    void notInFuture(OffsetDateTime value, String path) {
        if (value != null && value.toInstant().isAfter(latestInstant)) {
            add(ErrorCode.DATE_IN_FUTURE, path, "The time lies in the future.");
        }
    }

    void notInFuture(LocalDate value, String path) {
        if (value != null && value.isAfter(latestDate)) {
            add(ErrorCode.DATE_IN_FUTURE, path, "The date lies in the future.");
        }
    }

    /**
     * Non-negative, at most 2 decimals, at most 18 digits. The currency is an enum of CNY, HKD and MOP. Reads only
     * precision and scale: printing a value such as 1E+999999999 in full would take gigabytes.
     */
    void amount(Money money, String path) {
        BigDecimal value = money == null ? null : money.getValue();
        if (value == null) {
            return;
        }
        BigDecimal significant = value.stripTrailingZeros();
        long integerDigits = (long) significant.precision() - significant.scale();
        if (value.signum() < 0) {
            add(ErrorCode.INVALID_AMOUNT, path, "The amount is negative.");
        } else if (significant.scale() > MAX_FRACTION_DIGITS) {
            add(ErrorCode.INVALID_AMOUNT, path, "The amount has more than 2 decimals.");
        } else if (Math.max(integerDigits, 0) + Math.max(significant.scale(), 0) > MAX_DIGITS) {
            add(ErrorCode.INVALID_AMOUNT, path, "The amount has more than 18 digits.");
        }
    }

    void knownDivision(String code, String path) {
        if (code != null && !divisions.isKnown(code)) {
            add(ErrorCode.UNKNOWN_DIVISION, path, "Division code" + Excerpt.quoted(code)
                    + " is not in GB/T 2260.");
        }
    }

    /** The check character, and the registering area (characters 3–8) as a known division. */
    void creditCode(String code, String path) {
        if (code == null) {
            return;
        }
        UnifiedSocialCreditCode.fault(code).ifPresentOrElse(
                fault -> add(ErrorCode.INVALID_CREDIT_CODE, path, fault),
                () -> {
                    String area = UnifiedSocialCreditCode.areaCode(code);
                    if (!divisions.isKnown(area)) {
                        add(ErrorCode.INVALID_CREDIT_CODE, path,
                                "Characters 3-8 (" + area + ") are not a GB/T 2260 division code.");
                    }
                });
    }
}
