package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.privacy.PersonalDataMask;

/**
 * Finds quarantined input (隔离的输入): garbage, ids the contract cannot carry, reused ids with other content, oversize
 * input. None of it has a ledger row or a case, so this is the only way an operator finds it.
 */
@Repository
public class QuarantineSearch {

    private final JdbcClient jdbc;

    public QuarantineSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<FoundQuarantine> find(QuarantineCriteria criteria) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.partner() != null) {
            where.add("q.partner_code = :partner");
            params.put("partner", criteria.partner());
        }
        if (criteria.reference() != null) {
            where.add("q.reference = :reference");
            params.put("reference", criteria.reference());
        }
        if (criteria.errorCode() != null) {
            where.add("(q.error_code = :errorCode or q.reason like :laterLine escape '\\')");
            params.put("errorCode", criteria.errorCode());
            params.put("laterLine", Criteria.laterReasonLine(criteria.errorCode()));
        }
        if (criteria.from() != null) {
            where.add("q.received_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.add("q.received_at < :to");
            params.put("to", criteria.to());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from quarantined_input q" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<FoundQuarantine> items = jdbc.sql("""
                select q.id, q.partner_code, q.reference, q.message_id, q.payload_sha256, q.payload_size,
                    q.error_code, q.reason, q.received_at, q.payload_purged_at
                from quarantined_input q""" + filter + """
                 order by q.received_at desc, q.id desc
                limit :limit offset :offset""")
                .params(params)
                .param("limit", criteria.size())
                .param("offset", (long) criteria.page() * criteria.size())
                .query((rs, row) -> new FoundQuarantine(rs.getLong(1), rs.getString(2), rs.getString(3),
                        PersonalDataMask.text(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getString(7),
                        PersonalDataMask.text(rs.getString(8)), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, OffsetDateTime.class) != null))
                .list();
        return new ResultPage<>(total, criteria.page(), criteria.size(), items);
    }
}
