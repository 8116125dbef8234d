package cn.consumerexchange.gateway.recognition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verdicts on inbound messages' signatures, beside their ledger rows (table {@code signature_verdict}); read back
 * with the message's payload by {@link SignedOriginals}.
 */
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
}
