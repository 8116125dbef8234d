package cn.consumerexchange.gateway.ledger.chain;

import java.time.Instant;

/** A signed statement of the chain's head at one moment (签名锚点): what a rewritten chain cannot match. */
record Checkpoint(long id, long sealedUpTo, String headHash, Instant signedAt, String keyId, String signature) {

    /** The text the signature covers. */
    static String signedText(long sealedUpTo, String headHash, Instant signedAt) {
        return "ledger-checkpoint-v1\n" + sealedUpTo + "\n" + headHash + "\n" + signedAt.toEpochMilli();
    }

    String signedText() {
        return signedText(sealedUpTo, headHash, signedAt);
    }
}
