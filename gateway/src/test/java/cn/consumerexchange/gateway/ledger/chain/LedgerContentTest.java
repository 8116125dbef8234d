package cn.consumerexchange.gateway.ledger.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerContentTest {

    static LedgerContent content(long rowId, String sender, String storedPayloadSha256) {
        return new LedgerContent(rowId, "IN", "SZ", "SZ-1", "COMPLAINT", sender, "SZ12315-1",
                "GW-2026-0000000001", "a".repeat(64), storedPayloadSha256, 1_763_600_000_123L);
    }

    @Test
    void theSameContentHashesAlike() {
        assertThat(content(1, "SAMR-SH", "a".repeat(64)).hash())
                .isEqualTo(content(1, "SAMR-SH", "a".repeat(64)).hash())
                .hasSize(64);
    }

    @Test
    void aChangedColumnChangesTheHash() {
        assertThat(content(1, "SAMR-ZJ", "a".repeat(64)).hash())
                .isNotEqualTo(content(1, "SAMR-SH", "a".repeat(64)).hash());
    }

    @Test
    void theRowIdIsCovered() {
        assertThat(content(2, "SAMR-SH", "a".repeat(64)).hash())
                .isNotEqualTo(content(1, "SAMR-SH", "a".repeat(64)).hash());
    }

    @Test
    void nullAndEmptyDiffer() {
        assertThat(content(1, null, "a".repeat(64)).hash()).isNotEqualTo(content(1, "", "a".repeat(64)).hash());
    }

    @Test
    void fieldsCannotShiftIntoTheirNeighbours() {
        LedgerContent one = new LedgerContent(1, "IN", "SZ", "AB", "C", null, null, null, "x", "x", 0);
        LedgerContent other = new LedgerContent(1, "IN", "SZ", "A", "BC", null, null, null, "x", "x", 0);
        assertThat(one.hash()).isNotEqualTo(other.hash());
    }

    @Test
    void anEditedPayloadNoLongerMatchesItsRecord() {
        assertThat(content(1, "SAMR-SH", "a".repeat(64)).payloadMatchesRecord()).isTrue();
        assertThat(content(1, "SAMR-SH", "b".repeat(64)).payloadMatchesRecord()).isFalse();
    }

    @Test
    void theEntryHashCoversThePreviousOne() {
        String content = content(1, "SAMR-SH", "a".repeat(64)).hash();
        assertThat(ChainLink.entryHash(ChainLink.GENESIS, content))
                .isNotEqualTo(ChainLink.entryHash("1".repeat(64), content));
    }
}
