package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A complaint's keys as the intake keeps them with its case and the related-case check reads them back. */
class CaseKeysTest {

    final KeyPseudonyms pseudonyms = new KeyPseudonyms("a secret of the test's own");

    @Test
    void theKeysTheIntakeKeepsAreReadBackTheSameInTheSameOrder() {
        CaseKeys keys = CaseKeys.of(TestComplaints.liXiaohua()
                .withRespondent("上海浦江數碼科技有限責任公司 Co., Ltd.", "91310115MA1H8Q6T2C", "浦東新區張江路８８號\n２樓")
                .message().getComplaint(), NameNormaliser.MAINLAND, pseudonyms);

        String written = keys.written();

        assertThat(keys.keys()).hasSizeGreaterThan(8);
        assertThat(written.lines()).hasSameSizeAs(keys.keys());
        assertThat(CaseKeys.read(written)).isEqualTo(keys);
    }

    @Test
    void aComplaintWithoutKeysIsKeptAsEmptyText() {
        assertThat(new CaseKeys(List.of()).written()).isEmpty();
        assertThat(CaseKeys.read("").keys()).isEmpty();
    }
}
