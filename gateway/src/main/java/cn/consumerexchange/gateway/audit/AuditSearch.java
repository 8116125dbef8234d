package cn.consumerexchange.gateway.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A search of the audit trail as operators ask for it, on the API and in the console: text filters, an outcome, and a
 * period whose ends are a date-time with offset ({@code 2026-11-29T08:00:00+08:00}) or a day ({@code 2026-11-29},
 * in the gateway's time zone; {@code to} a day includes that whole day).
 */
@Component
class AuditSearch {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /** A filter the search cannot read; answered 400. */
    static final class UnreadableFilterException extends IllegalArgumentException {

        UnreadableFilterException(String message) {
            super(message);
        }
    }

    private final Clock clock;

    AuditSearch(Clock clock) {
        this.clock = clock;
    }

    OperatorAudit.Query query(String operator, String action, String outcome, String subject, String from, String to,
            Integer page, Integer size) {
        return new OperatorAudit.Query(operator, action, outcome(outcome), subject, instant(from, "from", false),
                instant(to, "to", true), page == null ? 0 : Math.max(0, page),
                size == null ? DEFAULT_SIZE : Math.min(MAX_SIZE, Math.max(1, size)));
    }

    private static OperatorAudit.Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return OperatorAudit.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnreadableFilterException("outcome must be DONE or DENIED, not " + outcome);
        }
    }

    private OffsetDateTime instant(String value, String name, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toOffsetDateTime();
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableFilterException(name + " must be a day (2026-11-29) or a date-time with offset "
                    + "(2026-11-29T08:00:00+08:00), not " + value);
        }
    }
}
