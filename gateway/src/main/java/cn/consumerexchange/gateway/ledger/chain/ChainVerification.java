package cn.consumerexchange.gateway.ledger.chain;

import java.util.List;

/**
 * The outcome of verifying the ledger chain (台账校验结果).
 *
 * @param intact         no break found
 * @param sealedEntries  how many seals the chain has
 * @param headRowId      the last sealed ledger row, null before the first seal
 * @param headHash       its entry hash, the value a checkpoint signs
 * @param checkpoints    how many signed checkpoints were checked
 * @param firstBreak     the first broken entry in chain order, null if intact
 * @param breaks         the first breaks in chain order (at most {@value #LISTED_BREAKS})
 */
public record ChainVerification(boolean intact, long sealedEntries, Long headRowId, String headHash, int checkpoints,
        Break firstBreak, List<Break> breaks) {

    static final int LISTED_BREAKS = 20;

    /** What is wrong with one ledger row, its seal, or a checkpoint covering it. */
    public enum Kind {
        /** The row's immutable content no longer hashes to what its seal recorded: the row was edited. */
        CONTENT_CHANGED,
        /** A seal covers a row that no longer exists: the row was deleted. */
        ROW_MISSING,
        /** A row below the chain's head has no seal: its seal was deleted, or the row was slipped in later. */
        MISSING_SEAL,
        /** A seal does not name the previous seal's hash: a seal before it was removed or replaced. */
        BROKEN_LINK,
        /** A seal's entry hash is not the hash of its own previous and content hashes: the seal was edited. */
        SEAL_ALTERED,
        /** A checkpoint's signature does not verify with the gateway's public key. */
        CHECKPOINT_SIGNATURE,
        /** A checkpoint signed a head hash the chain no longer has there: the chain was rewritten before it. */
        CHECKPOINT_HEAD
    }

    /**
     * @param rowId     the ledger_message id
     * @param messageId its message id, if the row exists
     */
    public record Break(Kind kind, long rowId, String messageId, String detail) {
    }
}
