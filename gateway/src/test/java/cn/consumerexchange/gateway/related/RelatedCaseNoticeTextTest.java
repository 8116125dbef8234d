package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.ledger.TransferCase;

/** What the second authority reads in a related-case notice. */
class RelatedCaseNoticeTextTest {

    static final RelatedCaseLink LINK = new RelatedCaseLink("GW-2026-LEAD000001", "SZ", "GW-2026-OTHER00002", "HK",
            0.925, List.of(MatchReason.SAME_PHONE, MatchReason.SAME_RESPONDENT_CODE), false);
    static final TransferCase LEAD = new TransferCase("GW-2026-LEAD000001", "SZ", "SZ12315-2026-000123", "SZ-1", "SH",
            "310115", "ACCEPTED", OffsetDateTime.parse("2026-11-20T10:00:00+08:00"),
            OffsetDateTime.parse("2026-11-21T10:00:00+08:00"), false, null, null);

    @Test
    void namesTheLeadingCaseTheScoreAndTheReasonsInBothLanguages() {
        String note = RelatedCaseNotices.note(LINK, LEAD, "SAMR-GD-SZ", false);

        assertThat(note).contains("GW-2026-LEAD000001", "SAMR-GD-SZ", "SZ12315-2026-000123", "0.93",
                "Same phone number of the complainant; Same credit code or registration number of the respondent",
                "投诉人电话相同；被投诉人统一社会信用代码或登记号相同");
        assertThat(note).doesNotContain("art. 16", "第十六条");
    }

    @Test
    void offersTheArticle16GroundOnlyWhenTheLeadingCaseIsAccepted() {
        assertThat(RelatedCaseNotices.note(LINK, LEAD, "SAMR-GD-SZ", true))
                .contains("may be refused under art. 16", "可依第十六条不予受理", "the gateway applies nothing");
    }
}
