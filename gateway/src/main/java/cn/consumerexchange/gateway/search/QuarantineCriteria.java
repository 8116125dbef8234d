package cn.consumerexchange.gateway.search;

import java.time.OffsetDateTime;

/**
 * What an operator searches quarantined input by (隔离输入查询): input that has no ledger row of its own.
 *
 * @param reference the gateway-made reference the sender's answer named it by
 */
public record QuarantineCriteria(String partner, String reference, String errorCode, OffsetDateTime from,
        OffsetDateTime to, int page, int size) {

    public static QuarantineCriteria of(String partner, String reference, String errorCode, String from, String to,
            Integer page, Integer size) {
        return new QuarantineCriteria(Criteria.text(partner), Criteria.text(reference), Criteria.errorCode(errorCode),
                Criteria.time("from", from), Criteria.time("to", to), Criteria.page(page), Criteria.size(size));
    }
}
