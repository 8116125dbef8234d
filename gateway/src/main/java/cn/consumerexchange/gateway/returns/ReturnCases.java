package cn.consumerexchange.gateway.returns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Return requests, their refunds and the settlement ledger between stores (结算台账). Callers hold the transaction
 * that records the message the change comes from.
 */
@Repository
public class ReturnCases {

    private final JdbcClient jdbc;

    ReturnCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(ReturnCase opened, OffsetDateTime now) {
        jdbc.sql("""
                insert into return_case (gateway_ref, commitment_id, firm_id, return_partner, purchase_partner,
                    origin_store, return_store, purchase_amount, purchase_currency, requested_at, answer_due, state,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(opened.gatewayRef(), opened.commitmentId(), opened.firmId(), opened.returnPartner(),
                        opened.purchasePartner(), opened.originStore(), opened.returnStore(), opened.purchaseAmount(),
                        opened.purchaseCurrency(), opened.requestedAt(), opened.answerDue(), opened.state().name(),
                        now, now)
                .update();
    }

    public Optional<ReturnCase> find(String gatewayRef) {
        return jdbc.sql("select * from return_case where gateway_ref = ?")
                .param(gatewayRef)
                .query(ReturnCases::returnCase)
                .optional();
    }

    /** The return, locked until the caller's transaction ends, so that a decision and the sweeper take turns. */
    Optional<ReturnCase> lock(String gatewayRef) {
        return jdbc.sql("select * from return_case where gateway_ref = ? for update")
                .param(gatewayRef)
                .query(ReturnCases::returnCase)
                .optional();
    }

    /** Moves a pending return to its outcome; false when it is no longer pending. */
    boolean conclude(String gatewayRef, ReturnState outcome, OffsetDateTime decidedAt, String reason,
            OffsetDateTime now) {
        return jdbc.sql("""
                update return_case set state = ?, decided_at = ?, decision_reason = ?, updated_at = ?
                where gateway_ref = ? and state = 'PENDING'""")
                .params(outcome.name(), decidedAt, abbreviate(reason), now, gatewayRef)
                .update() == 1;
    }

    void becameComplaint(String gatewayRef, String complaintRef) {
        jdbc.sql("update return_case set complaint_ref = ? where gateway_ref = ?")
                .params(complaintRef, gatewayRef)
                .update();
    }

    /** Pending returns whose answer was due before {@code now}, the longest overdue first. */
    List<String> overdue(OffsetDateTime now) {
        return jdbc.sql("""
                select gateway_ref from return_case where state = 'PENDING' and answer_due < ?
                order by answer_due""")
                .param(now)
                .query(String.class)
                .list();
    }

    /** The newest returns first, for operators. */
    public List<ReturnCase> latest(int limit) {
        return jdbc.sql("select * from return_case order by created_at desc, gateway_ref desc limit ?")
                .param(limit)
                .query(ReturnCases::returnCase)
                .list();
    }

    void recordRefund(Refund refund, OffsetDateTime now) {
        jdbc.sql("""
                insert into return_refund (gateway_ref, amount, currency, due_by, scheme_id, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(refund.gatewayRef(), refund.amount(), refund.currency(), refund.dueBy(), refund.schemeId(),
                        now)
                .update();
    }

    /** Records that the return store paid the refund; false when the return has no refund or it was already paid. */
    boolean refunded(String gatewayRef, OffsetDateTime refundedAt) {
        return jdbc.sql("update return_refund set refunded_at = ? where gateway_ref = ? and refunded_at is null")
                .params(refundedAt, gatewayRef)
                .update() == 1;
    }

    public Optional<Refund> refundOf(String gatewayRef) {
        return jdbc.sql("select * from return_refund where gateway_ref = ?")
                .param(gatewayRef)
                .query(ReturnCases::refund)
                .optional();
    }

    /** The refunds recorded on a day of China Standard Time, the day a statement covers. */
    public List<Refund> refundsRecordedOn(LocalDate day) {
        return jdbc.sql("""
                select * from return_refund where recorded_at >= ? and recorded_at < ? order by gateway_ref""")
                .params(startOf(day), startOf(day.plusDays(1)))
                .query(ReturnCases::refund)
                .list();
    }

    void recordEntry(SettlementEntry entry, OffsetDateTime now) {
        ExchangeRate rate = entry.rate();
        jdbc.sql("""
                insert into return_settlement_entry (gateway_ref, statement_date, payer_firm, payer_store,
                    payer_partner, payee_firm, payee_store, payee_partner, amount, currency, refund_amount,
                    refund_currency, rate_cny, rate_per, rate_currency, rate_source, rate_date, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.gatewayRef(), entry.statementDate(), entry.payerFirm(), entry.payerStore(),
                        entry.payerPartner(), entry.payeeFirm(), entry.payeeStore(), entry.payeePartner(),
                        entry.amount(), entry.currency(), entry.refundAmount(), entry.refundCurrency(),
                        rate == null ? null : rate.cny(), rate == null ? null : rate.per(),
                        rate == null ? null : rate.currency(), rate == null ? null : rate.source(),
                        rate == null ? null : rate.date(), now)
                .update();
    }

    public Optional<SettlementEntry> entryOf(String gatewayRef) {
        return jdbc.sql("select * from return_settlement_entry where gateway_ref = ?")
                .param(gatewayRef)
                .query(ReturnCases::entry)
                .optional();
    }

    /** The settlement entries of one statement day, by pair of stores' firms and regions. */
    public List<SettlementEntry> entriesOn(LocalDate day) {
        return jdbc.sql("""
                select * from return_settlement_entry where statement_date = ?
                order by payer_firm, payer_partner, payee_firm, payee_partner, currency, gateway_ref""")
                .param(day)
                .query(ReturnCases::entry)
                .list();
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ReturnEligibility.REGION_TIME).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static ReturnCase returnCase(ResultSet rs, int row) throws SQLException {
        return new ReturnCase(rs.getString("gateway_ref"), rs.getString("commitment_id"), rs.getString("firm_id"),
                rs.getString("return_partner"), rs.getString("purchase_partner"), rs.getString("origin_store"),
                rs.getString("return_store"), rs.getBigDecimal("purchase_amount"), rs.getString("purchase_currency"),
                rs.getObject("requested_at", OffsetDateTime.class), rs.getObject("answer_due", OffsetDateTime.class),
                ReturnState.valueOf(rs.getString("state")), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_reason"), rs.getString("complaint_ref"));
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getString("gateway_ref"), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getObject("due_by", OffsetDateTime.class), rs.getString("scheme_id"),
                rs.getObject("refunded_at", OffsetDateTime.class));
    }

    private static SettlementEntry entry(ResultSet rs, int row) throws SQLException {
        String rateCurrency = rs.getString("rate_currency");
        ExchangeRate rate = rateCurrency == null ? null : new ExchangeRate(rateCurrency, rs.getInt("rate_per"),
                rs.getBigDecimal("rate_cny").stripTrailingZeros(), rs.getObject("rate_date", LocalDate.class),
                rs.getString("rate_source"));
        return new SettlementEntry(rs.getString("gateway_ref"), rs.getObject("statement_date", LocalDate.class),
                rs.getString("payer_firm"), rs.getString("payer_store"), rs.getString("payer_partner"),
                rs.getString("payee_firm"), rs.getString("payee_store"), rs.getString("payee_partner"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getBigDecimal("refund_amount"),
                rs.getString("refund_currency"), rate);
    }
}
