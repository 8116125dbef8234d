package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.consumerexchange.contract.v1.ExchangeMessage;
import cn.consumerexchange.contract.v1.StatusUpdate;

/** The detector on a few complaints: what it links, who leads, what it stores, and what it leaves alone. */
class RelatedCaseDetectorTest {

    static final Instant MAY_12 = Instant.parse("2026-05-12T01:12:00Z");

    final RelatedCaseDatabase database = database();
    final RelatedCaseDetector detector = database.detector(RelatedCaseDatabase.settings(),
            partner -> "HK".equals(partner) ? NameNormaliser.HONG_KONG : NameNormaliser.MAINLAND);

    RelatedCaseDatabase database() {
        return RelatedCaseDatabase.h2();
    }

    @Test
    void theSameDisputeFiledInHongKongInTraditionalIsLinkedWithReasonsAndTheFirstReceiverLeads() {
        TestComplaints shenzhen = TestComplaints.liXiaohua();
        TestComplaints hongKong = shenzhen
                .withConsumer("李曉華", "+86 138 0013 8000", null)
                .withRespondent("上海浦江數碼科技有限責任公司", "91310115MA1H8Q6T2C", "浦東新區張江路８８號");

        // Hong Kong's filing reaches the hub first, but Shenzhen's authority received the complaint first.
        assertThat(detector.record(hongKong.message(), "GW-2", "HK", MAY_12.plus(2, ChronoUnit.DAYS)).links())
                .isEmpty();
        RelatedCaseFindings found = detector.record(shenzhen.message(), "GW-1", "SZ", MAY_12);

        assertThat(found.links()).singleElement().satisfies(link -> {
            assertThat(link.leadRef()).isEqualTo("GW-1");
            assertThat(link.leadPartner()).isEqualTo("SZ");
            assertThat(link.otherRef()).isEqualTo("GW-2");
            assertThat(link.otherPartner()).isEqualTo("HK");
            assertThat(link.score()).isEqualTo(1.0);
            assertThat(link.reasons()).containsExactly(MatchReason.SAME_PHONE, MatchReason.SAME_NAME,
                    MatchReason.SAME_RESPONDENT_CODE, MatchReason.SAME_RESPONDENT_NAME,
                    MatchReason.SAME_RESPONDENT_ADDRESS, MatchReason.SAME_PURCHASE_DATE, MatchReason.AMOUNT_EQUAL,
                    MatchReason.SAME_STORE, MatchReason.SAME_CHANNEL);
            assertThat(link.offeredAsArt16()).isFalse();
        });
        assertThat(database.records.linksOf("GW-2")).containsExactlyElementsOf(found.links());
    }

    @Test
    void recordingTheSameComplaintAgainAddsNoKeysAndNoLinks() {
        TestComplaints complaint = TestComplaints.liXiaohua();
        detector.record(complaint.message(), "GW-1", "SZ", MAY_12);
        detector.record(complaint.message(), "GW-2", "SH", MAY_12.plusSeconds(60));
        long keys = count("related_case_key");

        RelatedCaseFindings again = detector.record(complaint.message(), "GW-2", "SH", MAY_12.plusSeconds(60));

        assertThat(again.links()).hasSize(1);
        assertThat(count("related_case_key")).isEqualTo(keys);
        assertThat(count("related_case_profile")).isEqualTo(2);
        assertThat(count("related_case_link")).isEqualTo(1);
    }

    @Test
    void twoPeopleSharingAPhoneAreNotOneConsumer() {
        TestComplaints mother = TestComplaints.liXiaohua();
        TestComplaints son = mother.withConsumer("王小明", "13800138000", "440305201001015678");

        detector.record(mother.message(), "GW-1", "SZ", MAY_12);

        assertThat(detector.record(son.message(), "GW-2", "GZ", MAY_12.plusSeconds(60)).links()).isEmpty();
    }

    @Test
    void purchasesMonthsApartAreTwoDisputes() {
        TestComplaints may = TestComplaints.liXiaohua();
        TestComplaints september = may.withPurchase(LocalDate.of(2026, 9, 20), "2399.00");

        detector.record(may.message(), "GW-1", "SZ", MAY_12);

        assertThat(detector.record(september.message(), "GW-2", "SH", MAY_12.plus(140, ChronoUnit.DAYS)).links())
                .isEmpty();
    }

    @Test
    void theSameConsumerAgainstAnotherBusinessIsNotACandidate() {
        TestComplaints pudong = TestComplaints.liXiaohua();
        TestComplaints other = pudong.withRespondent("深圳市海岸数码科技有限公司", "91440305MA5FX3KL2C",
                "深圳市南山区文心五路33号");

        detector.record(pudong.message(), "GW-1", "SZ", MAY_12);

        assertThat(detector.record(other.message(), "GW-2", "SH", MAY_12.plusSeconds(60)).links()).isEmpty();
    }

    @Test
    void consumerKeysAreStoredOnlyAsKeyedHashes() {
        detector.record(TestComplaints.liXiaohua().message(), "GW-1", "SZ", MAY_12);

        assertThat(database.jdbc.queryForList("select key_value from related_case_key", String.class))
                .noneMatch(value -> value.contains("13800138000") || value.contains("440305199001011234")
                        || value.contains("李晓华"))
                .contains("91310115MA1H8Q6T2C", "上海浦江数码科技");
        assertThat(database.jdbc.queryForObject("select case_keys from related_case_profile", String.class))
                .doesNotContain("13800138000", "440305199001011234", "李晓华")
                .contains("RESPONDENT_CODE 91310115MA1H8Q6T2C", "CONSUMER_NAME ");
    }

    @Test
    void onlyTheKindsLookedUpByValueAreKeyRowsAndTheProfileKeepsEveryKey() {
        detector.record(TestComplaints.liXiaohua().message(), "GW-1", "SZ", MAY_12);

        List<KeyKind> rows = database.jdbc.queryForList("select distinct key_kind from related_case_key", String.class)
                .stream().map(KeyKind::valueOf).toList();
        assertThat(rows).allMatch(KeyKind::lookedUp)
                .contains(KeyKind.CONSUMER_PHONE, KeyKind.CONSUMER_ID, KeyKind.CONSUMER_AT_RESPONDENT,
                        KeyKind.RESPONDENT_CODE, KeyKind.RESPONDENT_NAME);
        assertThat(CaseKeys.read(database.jdbc.queryForObject(
                "select case_keys from related_case_profile where gateway_ref = 'GW-1'", String.class)).keys())
                .extracting(CaseKey::kind)
                .contains(KeyKind.CONSUMER_NAME, KeyKind.RESPONDENT_ADDRESS, KeyKind.PURCHASE_DATE,
                        KeyKind.PURCHASE_AMOUNT, KeyKind.PURCHASE_STORE, KeyKind.PURCHASE_CHANNEL)
                .containsAll(rows);
    }

    @Test
    void aCaseRecordedWithAllItsKeysAsRowsAndNoProfileIsScoredByThem() {
        TestComplaints complaint = TestComplaints.liXiaohua();
        // As the detector recorded a case before profiles were kept (V27): every key a row, no profile.
        CaseKeys.of(complaint.message().getComplaint(), NameNormaliser.MAINLAND,
                new KeyPseudonyms(RelatedCaseDatabase.SECRET)).keys().forEach(key -> database.jdbc.update("""
                        insert into related_case_key (key_kind, key_value, key_hash, gateway_ref, received_at,
                            partner)
                        values (?, ?, ?, 'GW-1', ?, 'SZ')""", key.kind().name(), key.value(), key.lookupHash(),
                Timestamp.from(MAY_12)));

        RelatedCaseFindings found = detector.record(complaint.message(), "GW-2", "SH", MAY_12.plusSeconds(60));

        assertThat(count("related_case_profile")).isEqualTo(1);
        assertThat(found.links()).singleElement().satisfies(link -> {
            assertThat(link.leadRef()).isEqualTo("GW-1");
            assertThat(link.reasons()).contains(MatchReason.SAME_NAME, MatchReason.SAME_RESPONDENT_ADDRESS,
                    MatchReason.SAME_PURCHASE_DATE, MatchReason.AMOUNT_EQUAL, MatchReason.SAME_STORE,
                    MatchReason.SAME_CHANNEL);
        });
    }

    @Test
    void anythingButAComplaintFindsNothingAndStoresNothing() {
        ExchangeMessage status = new ExchangeMessage();
        status.setStatusUpdate(new StatusUpdate());

        assertThat(detector.record(status, "GW-9", "SZ", MAY_12)).isEqualTo(RelatedCaseFindings.NONE);
        assertThat(count("related_case_key")).isZero();
        assertThat(count("related_case_profile")).isZero();
    }

    private long count(String table) {
        return database.jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
