package cn.consumerexchange.gateway.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The audit trail of operator actions (操作审计): written in the transaction of the action it records. */
@Repository
public class OperatorAudit {

    /** One recorded action, e.g. {@code DISABLE_PARTNER} on {@code SH}. */
    public record Action(String operator, String action, String subject, String detail, OffsetDateTime actedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public OperatorAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records one action.
     *
     * @return the action's id, which the changes it caused may name (e.g. the delivery attempts of a retry)
     */
    public long record(String operator, String action, String subject, String detail) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into operator_action (operator, action, subject, detail, acted_at) values (?, ?, ?, ?, ?)")
                .params(operator, action, subject, detail, OffsetDateTime.now(clock))
                .update(id, "id");
        return id.getKey().longValue();
    }

    public List<Action> of(String subject) {
        return jdbc.sql("select operator, action, subject, detail, acted_at from operator_action where subject = ? "
                        + "order by id")
                .param(subject)
                .query((rs, row) -> new Action(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
