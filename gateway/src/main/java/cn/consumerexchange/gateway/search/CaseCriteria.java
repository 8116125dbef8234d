package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;

import cn.consumerexchange.contract.v1.CaseState;

/**
 * What an operator searches transferred cases by (案件查询).
 *
 * @param partner a partner code: the origin or the receiving partner
 * @param from    received at or after
 * @param to      received before
 */
public record CaseCriteria(String caseRef, String originCaseNumber, String partner, CaseState state,
        OffsetDateTime from, OffsetDateTime to, int page, int size) {

    public static CaseCriteria of(String caseRef, String originCaseNumber, String partner, String state, String from,
            String to, Integer page, Integer size) {
        return new CaseCriteria(Criteria.text(caseRef), Criteria.text(originCaseNumber), Criteria.text(partner),
                Criteria.oneOf(CaseState.class, "state", state), Criteria.time("from", from), Criteria.time("to", to),
                Criteria.page(page), Criteria.size(size));
    }
}
