package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.ledger.CaseJurisdiction;
import cn.consumerexchange.gateway.ledger.TransferCase;

/** The art. 14 notice's note: who handles the case and why, in both languages, and nothing of the complaint. */
class JurisdictionNoticeTextTest {

    static final CaseJurisdiction SEVERAL = new CaseJurisdiction("ART14_FIRST_RECEIVER",
            "多个部门均有管辖权且均未收到；按第十三条所列顺序转至 SH。\nSeveral authorities have jurisdiction; it goes to SH.",
            List.of("GZ"));

    static TransferCase transfer(String originCaseNumber) {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
        return new TransferCase("GW-2026-7K3QX9M2PD", "SZ", originCaseNumber, "SZ-1", "SH", "310115", "TRANSFERRED",
                at, at, false, null, SEVERAL);
    }

    @Test
    void itNamesTheCaseItsOriginTheAuthorityThatHandlesItAndWhyInChineseThenEnglish() {
        String[] note = JurisdictionNotices.note(transfer("SZ12315-2026-000123"), "SAMR-GD-SZ", "SAMR-SH")
                .split("\n");

        assertThat(note).hasSize(2);
        assertThat(note[0]).startsWith("管辖告知（第十四条）：案件 GW-2026-7K3QX9M2PD（SAMR-GD-SZ 转来，原案件编号 "
                + "SZ12315-2026-000123）").contains("由先收到的 SAMR-SH 处理", "无需办理", "按第十三条所列顺序转至 SH");
        assertThat(note[1]).startsWith("Jurisdiction notice (art. 14): several authorities have jurisdiction over case "
                + "GW-2026-7K3QX9M2PD (from SAMR-GD-SZ, origin case SZ12315-2026-000123); SAMR-SH received it first")
                .endsWith("Several authorities have jurisdiction; it goes to SH.");
    }

    @Test
    void aCaseWithoutAnOriginCaseNumberSaysNothingOfOne() {
        String note = JurisdictionNotices.note(transfer(null), "SAMR-GD-SZ", "SAMR-SH");

        assertThat(note).doesNotContain("null", "原案件编号", "origin case");
    }
}
