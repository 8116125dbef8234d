package cn.consumerexchange.gateway.lifecycle;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.contract.v1.CaseState;

/**
 * The state of each transferred case and its history (案件流转记录). Callers hold a transaction: the state is read
 * under a row lock and changed only from the state read, so two updates of one case that race are taken one after
 * the other, and the second is checked against the state the first left. Each change is published as a
 * {@link CaseTransition} event in that transaction, so what follows the lifecycle (the legal clocks) moves with it.
 */
@Repository
public class CaseTransitions {

    /** Who reports the hub's own changes: a re-route of a returned case. */
    public static final String GATEWAY = "GATEWAY";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public CaseTransitions(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** The case's state, locked until the caller's transaction ends. */
    public CaseState lockState(String gatewayRef) {
        return CaseState.valueOf(jdbc.sql("select state from transfer_case where gateway_ref = ? for update")
                .param(gatewayRef)
                .query(String.class)
                .single());
    }

    /**
     * Moves the case from {@code from} and records the change.
     *
     * @param needsOperator whether the case now waits for an operator
     * @throws IllegalStateException when the case is no longer in {@code from}, which the lock rules out
     */
    public void move(CaseTransition change, boolean needsOperator) {
        int moved = jdbc.sql("""
                update transfer_case set state = ?, receiving_partner = ?, needs_operator = ?, updated_at = ?
                where gateway_ref = ? and state = ?""")
                .params(change.toState(), change.receivingPartner(), needsOperator, change.changedAt(),
                        change.gatewayRef(), change.fromState())
                .update();
        if (moved != 1) {
            throw new IllegalStateException("Case " + change.gatewayRef() + " is no longer " + change.fromState());
        }
        jdbc.sql("""
                insert into case_transition (gateway_ref, from_state, to_state, reported_by, message_id,
                    receiving_partner, ground, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(change.gatewayRef(), change.fromState(), change.toState(), change.reportedBy(),
                        change.messageId(), change.receivingPartner(), change.ground(), change.changedAt())
                .update();
        events.publishEvent(change);
    }

    /** Every state change of the case, oldest first. */
    public List<CaseTransition> of(String gatewayRef) {
        return jdbc.sql("""
                select gateway_ref, from_state, to_state, reported_by, message_id, receiving_partner, ground,
                    changed_at
                from case_transition where gateway_ref = ? order by id""")
                .param(gatewayRef)
                .query((rs, row) -> new CaseTransition(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** The partners that returned the case (退回): a re-route passes them over. */
    public Set<String> returnedBy(String gatewayRef) {
        return Set.copyOf(jdbc.sql("select reported_by from case_transition where gateway_ref = ? and to_state = ?")
                .params(gatewayRef, CaseState.RETURNED.name())
                .query(String.class)
                .list());
    }

    /** The gateway references of the cases waiting for an operator, the longest waiting first. */
    public List<String> needingOperator() {
        return jdbc.sql("select gateway_ref from transfer_case where needs_operator order by updated_at")
                .query(String.class)
                .list();
    }

    /** In UTC and to the microsecond, as both databases keep it. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
