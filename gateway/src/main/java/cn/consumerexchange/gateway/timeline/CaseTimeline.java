package cn.consumerexchange.gateway.timeline;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.consumerexchange.gateway.ledger.TransferCase;
import cn.consumerexchange.gateway.ledger.TransferLedger;
import cn.consumerexchange.gateway.lifecycle.CaseTransition;
import cn.consumerexchange.gateway.lifecycle.CaseTransitions;
import cn.consumerexchange.gateway.privacy.PayloadViews;
import cn.consumerexchange.gateway.privacy.PersonalDataMask;

/**
 * A case's whole story in time order (案件时间线): every message in and out with its trace, every delivery attempt with
 * the operator action that asked for it, every state change, every operator action on the case or its messages.
 */
@Service
public class CaseTimeline {

    /**
     * The timeline of one case.
     *
     * @param linked the other case of the same submission (a complaint's report case, or the reverse), if any
     */
    public record Timeline(TransferCase transfer, TransferCase linked, List<TimelineEvent> events) {
    }

    private final TransferLedger ledger;
    private final CaseTransitions transitions;
    private final JdbcClient jdbc;

    public CaseTimeline(TransferLedger ledger, CaseTransitions transitions, JdbcClient jdbc) {
        this.ledger = ledger;
        this.transitions = transitions;
        this.jdbc = jdbc;
    }

    public Optional<Timeline> of(String gatewayRef) {
        return ledger.findCase(gatewayRef).map(transfer -> new Timeline(transfer,
                transfer.linkedCase() == null ? null : ledger.findCase(transfer.linkedCase()).orElse(null),
                events(gatewayRef)));
    }

    private List<TimelineEvent> events(String gatewayRef) {
        List<TimelineEvent> messages = messages(gatewayRef);
        List<Long> ledgerIds = messages.stream().map(TimelineEvent::ledgerId).toList();
        List<String> subjects = new ArrayList<>();
        subjects.add(gatewayRef);
        ledgerIds.forEach(id -> subjects.add(PayloadViews.messageSubject(id)));
        List<TimelineEvent> events = new ArrayList<>(messages);
        events.addAll(attempts(ledgerIds));
        transitions.of(gatewayRef).stream().map(CaseTimeline::transition).forEach(events::add);
        events.addAll(actions(subjects));
        // A stable sort: events of one instant keep kind order, then the order each table wrote them.
        events.sort(Comparator.comparing((TimelineEvent event) -> event.at().toInstant())
                .thenComparing(TimelineEvent::kind));
        return events;
    }

    private List<TimelineEvent> messages(String gatewayRef) {
        return jdbc.sql("""
                select id, direction, message_id, message_type, sender, receiver, state, trace_id, error_code,
                    reason, created_at
                from ledger_message where gateway_ref = ? order by id""")
                .param(gatewayRef)
                .query((rs, row) -> new TimelineEvent(rs.getObject("created_at", OffsetDateTime.class),
                        TimelineEvent.Kind.MESSAGE, rs.getLong("id"), rs.getString("direction"),
                        rs.getString("message_type"), rs.getString("message_id"), rs.getString("sender"),
                        rs.getString("receiver"), rs.getString("state"), rs.getString("trace_id"), null, null,
                        rs.getString("error_code"), null, null, null, null, null, null, null,
                        PersonalDataMask.text(rs.getString("reason"))))
                .list();
    }

    private List<TimelineEvent> attempts(List<Long> ledgerIds) {
        if (ledgerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select ledger_id, attempt, receiver, started_at, finished_at, outcome, error_code, detail,
                    retry_action_id, trace_id
                from delivery_attempt where ledger_id in (:ids) order by id""")
                .param("ids", ledgerIds)
                .query((rs, row) -> {
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    long retryAction = rs.getLong("retry_action_id");
                    return new TimelineEvent(
                            finished != null ? finished : rs.getObject("started_at", OffsetDateTime.class),
                            TimelineEvent.Kind.DELIVERY_ATTEMPT, rs.getLong("ledger_id"), null, null, null, null,
                            rs.getString("receiver"), null, rs.getString("trace_id"), rs.getInt("attempt"),
                            rs.getString("outcome"), rs.getString("error_code"), rs.wasNull() ? null : retryAction,
                            null, null, null, null, null, null, PersonalDataMask.text(rs.getString("detail")));
                })
                .list();
    }

    private List<TimelineEvent> actions(List<String> subjects) {
        return jdbc.sql("""
                select id, operator, action, subject, detail, reason, outcome, acted_at
                from operator_action where subject in (:subjects) order by id""")
                .param("subjects", subjects)
                .query((rs, row) -> new TimelineEvent(rs.getObject("acted_at", OffsetDateTime.class),
                        TimelineEvent.Kind.OPERATOR_ACTION, ledgerIdOf(rs.getString("subject")), null, null, null,
                        null, null, null, null, null, rs.getString("outcome"), null, null, rs.getLong("id"),
                        rs.getString("action"), null, null, rs.getString("operator"), rs.getString("reason"),
                        rs.getString("detail")))
                .list();
    }

    private static TimelineEvent transition(CaseTransition change) {
        return new TimelineEvent(change.changedAt(), TimelineEvent.Kind.TRANSITION, null, null, null,
                change.messageId(), null, change.receivingPartner(), null, null, null, null, null, null, null, null,
                change.fromState(), change.toState(), change.reportedBy(), null,
                PersonalDataMask.text(change.ground()));
    }

    /** The message an action was about, for an action on {@code message:<ledgerId>}. */
    private static Long ledgerIdOf(String subject) {
        if (!subject.startsWith(PayloadViews.MESSAGE_SUBJECT)) {
            return null;
        }
        try {
            return Long.valueOf(subject.substring(PayloadViews.MESSAGE_SUBJECT.length()));
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }
}
