package cn.consumerexchange.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The audit trail of operator actions (操作审计): who did what to which subject, when and why, and whether it was done
 * or refused. Written in the transaction of the action it records; append-only (the database refuses to change or
 * delete a row, see {@code db.migration.V15__append_only_operator_audit}).
 */
@Repository
public class OperatorAudit {

    /** Whether an action was carried out or refused because the operator's role does not allow it. */
    public enum Outcome {
        DONE, DENIED
    }

    /** One recorded action, e.g. {@code DISABLE_PARTNER} on {@code SH}. */
    public record Action(long id, String operator, String action, String subject, String detail, String reason,
            Outcome outcome, OffsetDateTime actedAt) {
    }

    /** One page of a search, newest first. */
    public record Page(long total, int page, int size, List<Action> items) {
    }

    /** What to look for; a null field does not filter. {@code from} inclusive, {@code to} exclusive. */
    public record Query(String operator, String action, Outcome outcome, String subject, OffsetDateTime from,
            OffsetDateTime to, int page, int size) {
    }

    private static final String COLUMNS = "id, operator, action, subject, detail, reason, outcome, acted_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    public OperatorAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An action carried out without a reason given; see {@link #record(String, String, String, String, String)}. */
    public long record(String operator, String action, String subject, String detail) {
        return record(operator, action, subject, detail, null);
    }

    /**
     * An action carried out, with the operator's reason (may be null where the action does not require one).
     *
     * @return the action's id, which the changes it caused may name (e.g. the delivery attempts of a retry)
     */
    public long record(String operator, String action, String subject, String detail, String reason) {
        return insert(operator, action, subject, detail, reason, Outcome.DONE);
    }

    /** An attempt the operator's role does not allow: kept beside the actions that were carried out. */
    public void denied(String operator, String action, String subject, String reason) {
        insert(operator, action, subject, null, reason, Outcome.DENIED);
    }

    private long insert(String operator, String action, String subject, String detail, String reason,
            Outcome outcome) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into operator_action (operator, action, subject, detail, reason, outcome, acted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(cut(operator, 64), cut(action, 200), cut(subject, 100), cut(detail, 2000), cut(reason, 2000),
                        outcome.name(), OffsetDateTime.now(clock))
                .update(id, "id");
        return id.getKey().longValue();
    }

    public List<Action> of(String subject) {
        return jdbc.sql("select " + COLUMNS + " from operator_action where subject = ? order by id")
                .param(subject)
                .query((rs, row) -> action(rs))
                .list();
    }

    /** The actions matching {@code query}, newest first. */
    public Page search(Query query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(where, params, "operator = ?", query.operator());
        filter(where, params, "action = ?", query.action());
        filter(where, params, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
        filter(where, params, "subject = ?", query.subject());
        filter(where, params, "acted_at >= ?", query.from());
        filter(where, params, "acted_at < ?", query.to());
        long total = jdbc.sql("select count(*) from operator_action" + where).params(params)
                .query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<Action> items = jdbc.sql("select " + COLUMNS + " from operator_action" + where
                        + " order by acted_at desc, id desc limit ? offset ?")
                .params(paged)
                .query((rs, row) -> action(rs))
                .list();
        return new Page(total, query.page(), query.size(), items);
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    private static Action action(ResultSet rs) throws SQLException {
        return new Action(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Outcome.valueOf(rs.getString(7)), rs.getObject(8, OffsetDateTime.class));
    }

    /** Columns are bounded; a longer value (a hostile path, a long reason) is cut rather than failing the request. */
    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
