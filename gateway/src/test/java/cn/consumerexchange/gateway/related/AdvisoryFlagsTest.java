package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Art. 17 patterns raise flags for operators, counted from the key table; they never stop a complaint. */
class AdvisoryFlagsTest {

    static final Instant START = Instant.parse("2026-06-01T02:00:00Z");

    final RelatedCaseDatabase database = RelatedCaseDatabase.h2();
    final RelatedCaseDetector detector = database.detector(RelatedCaseDatabase.settings(
            new RelatedCaseSettings.Burst(5, Duration.ofHours(24)),
            new RelatedCaseSettings.SharedPhone(3, Duration.ofDays(90))), partner -> NameNormaliser.MAINLAND);

    @Test
    void aBurstAgainstOneRespondentIsFlaggedFromTheComplaintThatReachesTheThreshold() {
        List<RelatedCaseFindings> findings = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> detector.record(consumer(i).message(), "GW-" + i, "SZ", START.plusSeconds(3600L * i)))
                .toList();

        assertThat(findings.subList(0, 4)).allSatisfy(found -> assertThat(found.flags()).isEmpty());
        assertThat(findings.get(4).flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(AdvisoryFlag.Kind.RESPONDENT_BURST);
            assertThat(flag.count()).isEqualTo(5);
            assertThat(flag.gatewayRefs()).containsExactly("GW-4", "GW-3", "GW-2", "GW-1", "GW-0");
            assertThat(flag.text()).isEqualTo("5 complaints against this respondent within 24 hours (flag from 5)");
        });
        assertThat(findings).allSatisfy(found -> assertThat(found.links()).isEmpty());
    }

    @Test
    void complaintsOutsideTheBurstWindowAreNotCounted() {
        for (int i = 0; i < 4; i++) {
            detector.record(consumer(i).message(), "GW-" + i, "SZ", START.plus(Duration.ofHours(10L * i)));
        }

        assertThat(detector.record(consumer(4).message(), "GW-4", "SZ", START.plus(Duration.ofHours(40))).flags())
                .isEmpty();
    }

    @Test
    void severalComplainantsGivingOnePhoneNumberAreFlaggedHoweverItIsWritten() {
        TestComplaints base = TestComplaints.liXiaohua();
        detector.record(base.withConsumer("张伟", "13912345678", null).message(), "GW-1", "SZ", START);
        RelatedCaseFindings second = detector.record(
                base.withConsumer("王芳", "+86 139 1234 5678", null).withRespondent("广州星河电器有限公司",
                        "91440106MA59ABCD1X", "广州市天河区体育西路1号").message(), "GW-2", "GZ",
                START.plus(Duration.ofDays(3)));
        RelatedCaseFindings third = detector.record(
                base.withConsumer("刘洋", "0086-139-1234-5678", null).withRespondent("杭州泰丰服饰有限公司",
                        "91330106MA28ABCD2Y", "杭州市西湖区学府路2号").message(), "GW-3", "ZJ",
                START.plus(Duration.ofDays(20)));

        assertThat(second.flags()).isEmpty();
        assertThat(third.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(AdvisoryFlag.Kind.SHARED_PHONE);
            assertThat(flag.count()).isEqualTo(3);
            assertThat(flag.gatewayRefs()).containsExactly("GW-3", "GW-2", "GW-1");
        });
        assertThat(third.links()).isEmpty();
    }

    @Test
    void oneComplainantComplainingOftenIsNotASharedPhone() {
        TestComplaints base = TestComplaints.liXiaohua();
        for (int i = 0; i < 4; i++) {
            RelatedCaseFindings found = detector.record(base.withRespondent("商户" + i + "有限公司",
                    "9131011500000000" + i + "X", "地址" + i).message(), "GW-" + i, "SZ",
                    START.plus(Duration.ofDays(i)));
            assertThat(found.flags()).isEmpty();
        }
    }

    @Test
    void complainantsBeyondTheSharedPhoneWindowAreNotCounted() {
        TestComplaints base = TestComplaints.liXiaohua();
        detector.record(base.withConsumer("张伟", "13912345678", null).message(), "GW-1", "SZ", START);
        detector.record(base.withConsumer("王芳", "13912345678", null).message(), "GW-2", "SZ",
                START.plus(Duration.ofDays(95)));

        assertThat(detector.record(base.withConsumer("刘洋", "13912345678", null).message(), "GW-3", "SZ",
                START.plus(Duration.ofDays(100))).flags()).isEmpty();
    }

    private static TestComplaints consumer(int i) {
        return TestComplaints.liXiaohua().withConsumer("顾客" + i, "1370000000" + i, null)
                .withPurchase(LocalDate.of(2026, 5, 1 + i), "99.00");
    }
}
