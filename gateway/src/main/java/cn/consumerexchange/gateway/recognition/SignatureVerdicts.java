package cn.consumerexchange.gateway.recognition;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.gateway.ledger.MessageKey;

/** The verdicts on inbound messages' signatures, beside their ledger rows (table {@code signature_verdict}). */
@Repository
class SignatureVerdicts {

    private final JdbcClient jdbc;

    SignatureVerdicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long messageRowId, CheckedSignature checked) {
        jdbc.sql("insert into signature_verdict (message_row_id, verdict, detail, signature) values (?, ?, ?, ?)")
                .params(messageRowId, checked.verdict().outcome().name(), checked.verdict().detail(),
                        checked.signature())
                .update();
    }

    /** The verdict on the inbound message with this key, if one was recorded. */
    Optional<CheckedSignature> find(MessageKey inbound) {
        return jdbc.sql("""
                select v.verdict, v.detail, v.signature from signature_verdict v
                join ledger_message m on m.id = v.message_row_id
                where m.direction = 'IN' and m.partner_code = ? and m.message_id = ?""")
                .params(inbound.partnerCode(), inbound.messageId())
                .query((row, n) -> new CheckedSignature(row.getString("signature"), new SignatureVerdict(
                        SignatureVerdict.Outcome.valueOf(row.getString("verdict")), row.getString("detail"))))
                .optional();
    }
}
