package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.ledger.CaseJurisdiction;
import cn.consumerexchange.gateway.ledger.TransferCase;

/** Finds transferred cases (案件查询), the most recently received first. */
@Repository
public class CaseSearch {

    private final JdbcClient jdbc;

    public CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ResultPage<TransferCase> find(CaseCriteria criteria) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.caseRef() != null) {
            where.add("c.gateway_ref = :caseRef");
            params.put("caseRef", criteria.caseRef());
        }
        if (criteria.originCaseNumber() != null) {
            where.add("c.origin_case_number = :originCaseNumber");
            params.put("originCaseNumber", criteria.originCaseNumber());
        }
        if (criteria.partner() != null) {
            where.add("(c.origin_partner = :partner or c.receiving_partner = :partner)");
            params.put("partner", criteria.partner());
        }
        if (criteria.state() != null) {
            where.add("c.state = :state");
            params.put("state", criteria.state().name());
        }
        if (criteria.from() != null) {
            where.add("c.received_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.add("c.received_at < :to");
            params.put("to", criteria.to());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from transfer_case c" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<TransferCase> items = jdbc.sql("""
                select c.gateway_ref, c.origin_partner, c.origin_case_number, c.origin_message_id,
                    c.receiving_partner, c.receiving_division, c.state, c.received_at, c.updated_at,
                    c.needs_operator, c.linked_case_ref, c.jurisdiction_rule, c.jurisdiction_detail,
                    c.jurisdiction_to_tell
                from transfer_case c""" + filter + """
                 order by c.received_at desc, c.gateway_ref desc
                limit :limit offset :offset""")
                .params(params)
                .param("limit", criteria.size())
                .param("offset", (long) criteria.page() * criteria.size())
                .query((rs, row) -> new TransferCase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                        rs.getBoolean(10), rs.getString(11),
                        CaseJurisdiction.of(rs.getString(12), rs.getString(13), rs.getString(14))))
                .list();
        return new ResultPage<>(total, criteria.page(), criteria.size(), items);
    }
}
