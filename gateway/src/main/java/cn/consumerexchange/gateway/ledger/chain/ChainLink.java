package cn.consumerexchange.gateway.ledger.chain;

import java.nio.charset.StandardCharsets;

import cn.consumerexchange.gateway.transfer.Sha256;

/** How one seal hangs on the one before it (链式哈希). */
final class ChainLink {

    /** The previous hash of the first seal. */
    static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    /** SHA-256 over the previous entry hash and this row's content hash, both as hex. */
    static String entryHash(String prevHash, String contentHash) {
        return Sha256.hex((prevHash + contentHash).getBytes(StandardCharsets.US_ASCII));
    }
}
