package cn.consumerexchange.gateway.ledger.chain;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Break;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Kind;
import cn.consumerexchange.gateway.ledger.chain.LedgerSeals.StoredSeal;

/**
 * Recomputes the chain from ledger_message and ledger_seal and checks every checkpoint's signature and head, reading
 * in pages so a large ledger is never held in memory. Needs only the database and the public key, so it runs inside
 * the gateway and on a stopped gateway's database alike.
 */
public final class LedgerChainVerifier {

    private static final int PAGE = 100;
    private static final int MAX_COLLECTED = 1_000;

    private final LedgerSeals seals;
    private final PublicKey publicKey;

    LedgerChainVerifier(LedgerSeals seals, PublicKey publicKey) {
        this.seals = seals;
        this.publicKey = publicKey;
    }

    public ChainVerification verify() {
        List<Checkpoint> checkpoints = seals.checkpoints();
        Map<Long, StoredSeal> atCheckpoints = new HashMap<>();
        checkpoints.forEach(checkpoint -> atCheckpoints.put(checkpoint.sealedUpTo(), null));
        List<Break> breaks = new ArrayList<>();
        String previous = ChainLink.GENESIS;
        long sealed = 0;
        StoredSeal head = null;
        for (List<StoredSeal> page = seals.sealsAfter(0, PAGE); !page.isEmpty();
                page = seals.sealsAfter(head.rowId(), PAGE)) {
            for (StoredSeal seal : page) {
                if (breaks.size() < MAX_COLLECTED) {
                    check(seal, previous, breaks);
                }
                if (atCheckpoints.containsKey(seal.rowId())) {
                    atCheckpoints.put(seal.rowId(), seal);
                }
                previous = seal.entryHash();
                head = seal;
                sealed++;
            }
        }
        if (head != null) {
            for (LedgerContent unsealed : seals.unsealedUpTo(head.rowId(), ChainVerification.LISTED_BREAKS)) {
                breaks.add(new Break(Kind.MISSING_SEAL, unsealed.rowId(), unsealed.messageId(),
                        "the row has no seal, though rows after it are sealed"));
            }
        }
        for (Checkpoint checkpoint : checkpoints) {
            check(checkpoint, atCheckpoints.get(checkpoint.sealedUpTo()), breaks);
        }
        breaks.sort(Comparator.comparingLong(Break::rowId).thenComparing(Break::kind));
        List<Break> listed = List.copyOf(breaks.subList(0, Math.min(breaks.size(), ChainVerification.LISTED_BREAKS)));
        return new ChainVerification(breaks.isEmpty(), sealed, head == null ? null : head.rowId(),
                head == null ? null : head.entryHash(), checkpoints.size(), listed.isEmpty() ? null : listed.get(0),
                listed);
    }

    private static void check(StoredSeal seal, String previous, List<Break> breaks) {
        if (!seal.prevHash().equals(previous)) {
            breaks.add(new Break(Kind.BROKEN_LINK, seal.rowId(), seal.messageId(),
                    "the seal names previous hash " + seal.prevHash() + ", the seal before it has " + previous));
        }
        if (!ChainLink.entryHash(seal.prevHash(), seal.contentHash()).equals(seal.entryHash())) {
            breaks.add(new Break(Kind.SEAL_ALTERED, seal.rowId(), seal.messageId(),
                    "the seal's entry hash is not the hash of its previous and content hashes"));
        }
        LedgerContent content = seal.content();
        if (content == null) {
            breaks.add(new Break(Kind.ROW_MISSING, seal.rowId(), null, "the sealed row is gone"));
        } else if (!content.hash().equals(seal.contentHash())) {
            breaks.add(new Break(Kind.CONTENT_CHANGED, seal.rowId(), content.messageId(), content.payloadMatchesRecord()
                    ? "a sealed column (direction, partner, ids, type, sender, references, time) changed"
                    : "the payload no longer matches its recorded SHA-256 " + content.payloadSha256()));
        }
    }

    private void check(Checkpoint checkpoint, StoredSeal sealed, List<Break> breaks) {
        String messageId = sealed == null ? null : sealed.messageId();
        String ourKey = CheckpointKeys.keyId(publicKey);
        if (!checkpoint.keyId().equals(ourKey)) {
            breaks.add(new Break(Kind.CHECKPOINT_SIGNATURE, checkpoint.sealedUpTo(), messageId, "checkpoint "
                    + checkpoint.id() + " names key " + checkpoint.keyId() + ", the gateway's key is " + ourKey));
        } else if (!CheckpointKeys.verify(publicKey, checkpoint.signedText(), checkpoint.signature())) {
            breaks.add(new Break(Kind.CHECKPOINT_SIGNATURE, checkpoint.sealedUpTo(), messageId,
                    "checkpoint " + checkpoint.id() + " of " + checkpoint.signedAt() + ": the signature does not verify"));
        }
        if (sealed == null) {
            breaks.add(new Break(Kind.CHECKPOINT_HEAD, checkpoint.sealedUpTo(), null,
                    "checkpoint " + checkpoint.id() + " covers a row that has no seal"));
        } else if (!sealed.entryHash().equals(checkpoint.headHash())) {
            breaks.add(new Break(Kind.CHECKPOINT_HEAD, checkpoint.sealedUpTo(), messageId, "checkpoint "
                    + checkpoint.id() + " signed head " + checkpoint.headHash() + ", the chain has " + sealed.entryHash()));
        }
    }
}
