package cn.consumerexchange.gateway.recognition;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.consumerexchange.adapter.AdapterCatalog;
import cn.consumerexchange.gateway.ledger.MessageKey;
import cn.consumerexchange.gateway.partner.PartnerRegistry;

/** The signed originals of inbound messages: their payload as the ledger kept it, with the verdict recorded on it. */
@Repository
class SignedOriginals {

    private final JdbcClient jdbc;
    private final PartnerRegistry partners;
    private final AdapterCatalog adapters;

    SignedOriginals(JdbcClient jdbc, PartnerRegistry partners, AdapterCatalog adapters) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.adapters = adapters;
    }

    /**
     * The inbound message's original; a message with no recorded verdict is given as unsigned, one whose payload
     * retention purged is not found.
     */
    Optional<SignedOriginal> find(MessageKey inbound) {
        String mediaType = adapters.forFormat(partners.require(inbound.partnerCode()).format()).mediaType();
        return jdbc.sql("""
                select m.payload, v.verdict, v.detail, v.signature from ledger_message m
                left join signature_verdict v on v.message_row_id = m.id
                where m.direction = 'IN' and m.partner_code = ? and m.message_id = ? and m.payload_purged_at is null""")
                .params(inbound.partnerCode(), inbound.messageId())
                .query((row, n) -> new SignedOriginal(row.getBytes("payload"), mediaType, row.getString("verdict") == null
                        ? new CheckedSignature(null, SignatureVerdict.of(SignatureVerdict.Outcome.UNSIGNED,
                                "No signature was recorded"))
                        : new CheckedSignature(row.getString("signature"), new SignatureVerdict(
                                SignatureVerdict.Outcome.valueOf(row.getString("verdict")), row.getString("detail")))))
                .optional();
    }
}
