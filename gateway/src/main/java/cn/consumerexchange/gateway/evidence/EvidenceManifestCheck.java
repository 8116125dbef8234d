package cn.consumerexchange.gateway.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import cn.consumerexchange.contract.ErrorCode;
import cn.consumerexchange.contract.Violation;
import cn.consumerexchange.contract.v1.EvidenceItem;
import cn.consumerexchange.contract.v1.ExchangeMessage;

/**
 * The intake's check of an evidence manifest (证据清单): every item's bytes must be held, with the declared size, and
 * be the sender's to share (it uploaded them, or received them through the exchange). Otherwise the manifest is
 * refused with {@code UNKNOWN_EVIDENCE} at the item, so a receiver is never sent a claim check it cannot redeem.
 */
@Component
public class EvidenceManifestCheck {

    private final EvidenceStore store;
    private final EvidenceRecords records;

    public EvidenceManifestCheck(EvidenceStore store, EvidenceRecords records) {
        this.store = store;
        this.records = records;
    }

    /** The reasons to refuse the message's evidence items; none for a message that carries no evidence. */
    public List<Violation> check(String senderCode, ExchangeMessage message) {
        if (message.getEvidence() == null) {
            return List.of();
        }
        List<EvidenceItem> items = message.getEvidence().getItem();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            EvidenceItem item = items.get(i);
            String path = "/ExchangeMessage/Evidence/" + (items.size() > 1 ? "Item[" + (i + 1) + "]" : "Item");
            String sha256 = item.getSha256();
            if (!EvidenceDigests.isSha256(sha256)) {
                continue; // the schema's violation names it
            }
            OptionalLong held = store.size(sha256);
            if (held.isEmpty() || !records.mayShare(senderCode, sha256)) {
                violations.add(new Violation(ErrorCode.UNKNOWN_EVIDENCE, path + "/Sha256", "No file with SHA-256 "
                        + sha256 + " has arrived from " + senderCode + "; upload it before the manifest"));
            } else if (held.getAsLong() != item.getSize()) {
                violations.add(new Violation(ErrorCode.UNKNOWN_EVIDENCE, path + "/Size", "The file with SHA-256 "
                        + sha256 + " has " + held.getAsLong() + " bytes, not " + item.getSize()));
            }
        }
        return violations;
    }
}
