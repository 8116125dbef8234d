package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.ledger.Direction;
import cn.consumerexchange.gateway.ledger.MessageState;
import cn.consumerexchange.gateway.partner.Partner;
import cn.consumerexchange.gateway.partner.PartnerRegistry;
import cn.consumerexchange.gateway.privacy.PersonalDataMask;

/**
 * Finds ledger messages by what an operator knows of them (报文查询), a rejection without a case among them. SQL for
 * both H2 (PostgreSQL mode) and PostgreSQL.
 */
@Repository
public class MessageSearch {

    private final JdbcClient jdbc;
    private final PartnerRegistry partners;

    public MessageSearch(JdbcClient jdbc, PartnerRegistry partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    public ResultPage<FoundMessage> find(MessageCriteria criteria) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.caseRef() != null) {
            where.add("(m.gateway_ref = :caseRef or m.case_ref = :caseRef)");
            params.put("caseRef", criteria.caseRef());
        }
        if (criteria.originCaseNumber() != null) {
            // Rejected complaints carry the number on their own row; every message of an opened case through the case.
            where.add("(m.origin_case_number = :originCaseNumber or m.gateway_ref in "
                    + "(select c.gateway_ref from transfer_case c where c.origin_case_number = :originCaseNumber))");
            params.put("originCaseNumber", criteria.originCaseNumber());
        }
        if (criteria.partner() != null) {
            // An inbound row names its sender as partner and its receiver; an outbound row names its receiver as
            // partner and the original sender's authority.
            String authority = partners.find(criteria.partner()).map(Partner::authority).orElse(criteria.partner());
            where.add("(m.partner_code = :partner or m.receiver = :partner or m.sender = :authority)");
            params.put("partner", criteria.partner());
            params.put("authority", authority);
        }
        if (criteria.direction() != null) {
            where.add("m.direction = :direction");
            params.put("direction", criteria.direction().name());
        }
        if (criteria.state() != null) {
            where.add("m.state = :state");
            params.put("state", criteria.state().name());
        }
        if (criteria.messageType() != null) {
            where.add("m.message_type = :messageType");
            params.put("messageType", criteria.messageType().name());
        }
        if (criteria.messageId() != null) {
            where.add("m.message_id = :messageId");
            params.put("messageId", criteria.messageId());
        }
        if (criteria.errorCode() != null) {
            // The leading code is a column; a rejection's further codes are later lines of its reason; a failed
            // delivery's code is on its attempts (投递记录).
            where.add("(m.error_code = :errorCode"
                    + " or (m.state = 'REJECTED' and m.reason like :laterLine escape '\\')"
                    + " or exists (select 1 from delivery_attempt a where a.ledger_id = m.id"
                    + " and a.error_code = :errorCode))");
            params.put("errorCode", criteria.errorCode());
            params.put("laterLine", Criteria.laterReasonLine(criteria.errorCode()));
        }
        if (criteria.from() != null) {
            where.add("m.created_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.add("m.created_at < :to");
            params.put("to", criteria.to());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from ledger_message m" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<FoundMessage> items = jdbc.sql("""
                select m.id, m.direction, m.partner_code, m.message_id, m.message_type, m.sender, m.receiver,
                    m.case_ref, m.gateway_ref, m.origin_case_number, m.state, m.error_code, m.reason, m.attempts,
                    m.trace_id, m.created_at, m.updated_at, m.payload_purged_at
                from ledger_message m""" + filter + """
                 order by m.created_at desc, m.id desc
                limit :limit offset :offset""")
                .params(params)
                .param("limit", criteria.size())
                .param("offset", (long) criteria.page() * criteria.size())
                .query((rs, row) -> new FoundMessage(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
                        rs.getString("partner_code"), rs.getString("message_id"), rs.getString("message_type"),
                        rs.getString("sender"), rs.getString("receiver"), rs.getString("case_ref"),
                        rs.getString("gateway_ref"), rs.getString("origin_case_number"),
                        MessageState.valueOf(rs.getString("state")), rs.getString("error_code"),
                        PersonalDataMask.text(rs.getString("reason")), rs.getInt("attempts"),
                        rs.getString("trace_id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getObject("payload_purged_at", OffsetDateTime.class) != null))
                .list();
        return new ResultPage<>(total, criteria.page(), criteria.size(), items);
    }
}
