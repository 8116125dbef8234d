package cn.consumerexchange.gateway.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The detector over the whole labelled set (seeds/related-cases/, ≥ 2,000 complaints), through the real key table:
 * precision and recall of the links against labels.csv, the cost per complaint, and proof that lookups read the
 * index, not the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedCaseEvaluationTest {

    static final double MIN_PRECISION = 0.95;
    static final double MIN_RECALL = 0.90;

    final RelatedCaseDatabase database = database();
    List<LabelledSet.Filing> filings;
    List<LabelledSet.Label> labels;
    final Set<String> linked = new HashSet<>();
    double microsPerComplaint;
    double cpuMicrosPerComplaint;

    RelatedCaseDatabase database() {
        return RelatedCaseDatabase.h2();
    }

    @BeforeAll
    void recordEveryComplaintInTheOrderItWasReceived() throws IOException {
        filings = LabelledSet.complaints().stream()
                .sorted(Comparator.comparing(LabelledSet.Filing::receivedAt).thenComparing(LabelledSet.Filing::ref))
                .toList();
        labels = LabelledSet.labels();
        RelatedCaseDetector detector = database.detector(RelatedCaseDatabase.settings(),
                LabelledSet.homeCallingCodes());
        // Warm the JIT and the database on the first complaints, then time the whole set on a fresh table.
        RelatedCaseDatabase warmUp = database();
        RelatedCaseDetector warm = warmUp.detector(RelatedCaseDatabase.settings(), LabelledSet.homeCallingCodes());
        filings.stream().limit(500).forEach(f -> warm.record(f.message(), f.ref(), f.partner(), f.receivedAt()));

        // CPU time of this thread, which runs the in-memory database too: wall time on a shared machine says more
        // about the neighbours than about the detector.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (LabelledSet.Filing filing : filings) {
            detector.record(filing.message(), filing.ref(), filing.partner(), filing.receivedAt())
                    .links().forEach(link -> linked.add(LabelledSet.pair(link.leadRef(), link.otherRef())));
        }
        cpuMicrosPerComplaint = (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / filings.size();
        microsPerComplaint = (System.nanoTime() - start) / 1000.0 / filings.size();
    }

    @Test
    void theLabelledSetIsLargeEnoughAndHasHardNegatives() {
        assertThat(filings).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(labels.stream().filter(LabelledSet.Label::duplicate)).hasSizeGreaterThanOrEqualTo(300);
        assertThat(labels.stream().filter(label -> !label.duplicate()).map(LabelledSet.Label::variation))
                .contains("SAME_RESPONDENT_OTHER_CONSUMER", "SAME_CONSUMER_OTHER_RESPONDENT",
                        "FAMILY_PHONE_OTHER_PURCHASE", "SAME_PARTIES_MONTHS_APART");
    }

    @Test
    void precisionAndRecallOnTheLabelledSet() {
        Set<String> duplicates = labels.stream().filter(LabelledSet.Label::duplicate).map(LabelledSet.Label::pair)
                .collect(Collectors.toSet());
        long truePositives = linked.stream().filter(duplicates::contains).count();
        double precision = linked.isEmpty() ? 0 : (double) truePositives / linked.size();
        double recall = (double) truePositives / duplicates.size();

        Map<String, Integer> missedBy = new TreeMap<>();
        labels.stream().filter(LabelledSet.Label::duplicate).filter(label -> !linked.contains(label.pair()))
                .forEach(label -> missedBy.merge(label.variation(), 1, Integer::sum));
        Map<String, String> negativeKind = new HashMap<>();
        labels.stream().filter(label -> !label.duplicate())
                .forEach(label -> negativeKind.put(label.pair(), label.variation()));
        Map<String, Integer> wrongBy = new TreeMap<>();
        linked.stream().filter(pair -> !duplicates.contains(pair))
                .forEach(pair -> wrongBy.merge(negativeKind.getOrDefault(pair, "unlabelled pair"), 1, Integer::sum));
        System.out.printf("Related cases on %d complaints (%s): %d links, %d labelled duplicates, %d found%n"
                + "  precision %.4f, recall %.4f; per complaint recorded: %.0f µs CPU, %.0f µs elapsed%n"
                + "  missed duplicates by variation: %s%n  wrong links by kind: %s%n",
                filings.size(), getClass().getSimpleName(), linked.size(), duplicates.size(), truePositives, precision, recall,
                cpuMicrosPerComplaint, microsPerComplaint, missedBy, wrongBy);

        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void everyHardNegativeKindStaysUnlinked() {
        Map<String, Long> linkedNegatives = labels.stream()
                .filter(label -> !label.duplicate() && linked.contains(label.pair()))
                .collect(Collectors.groupingBy(LabelledSet.Label::variation, Collectors.counting()));
        assertThat(linkedNegatives.getOrDefault("SAME_PARTIES_MONTHS_APART", 0L)).isZero();
        assertThat(linkedNegatives.getOrDefault("SAME_CONSUMER_OTHER_RESPONDENT", 0L)).isZero();
        assertThat(linkedNegatives.getOrDefault("SAME_RESPONDENT_OTHER_CONSUMER", 0L)).isZero();
    }

    @Test
    void linksAreStoredOnceWithTheFirstReceiverLeading() {
        assertThat(database.jdbc.queryForObject("select count(*) from related_case_link", Long.class))
                .isEqualTo(linked.size());
        Map<String, Instant> received = filings.stream()
                .collect(Collectors.toMap(LabelledSet.Filing::ref, LabelledSet.Filing::receivedAt));
        database.jdbc.query("select lead_ref, other_ref, offered_as_art16 from related_case_link", row -> {
            assertThat(received.get(row.getString(1))).isBeforeOrEqualTo(received.get(row.getString(2)));
            assertThat(row.getBoolean(3)).as("art. 16 is only ever offered, by someone else").isFalse();
        });
    }

    @Test
    void candidateLookupsReadTheKeyIndexNotTheTable() {
        long rows = database.jdbc.queryForObject("select count(*) from related_case_key", Long.class);
        Map<String, Object> busiest = database.jdbc.queryForMap("""
                select key_hash, count(*) as n from related_case_key where key_kind = 'CONSUMER_PHONE'
                 group by key_hash order by n desc limit 1""");
        String plan = database.jdbc.queryForObject("explain analyze " + RelatedCaseRecords.CANDIDATES_BY_KEY,
                String.class, busiest.get("key_hash"),
                Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")), "none", 50);

        assertThat(plan).containsIgnoringCase("ix_related_case_key_hash");
        assertThat(scanCount(plan)).as("rows read for a key held by %s cases, of %d rows", busiest.get("n"), rows)
                .isLessThanOrEqualTo(((Number) busiest.get("n")).longValue() + 1);
    }

    @Test
    void aKeyManyCasesHoldIsReadNewestFirstOnlyUpToTheLimit() {
        Map<String, Object> busiest = database.jdbc.queryForMap("""
                select key_hash, count(*) as n from related_case_key
                 group by key_hash order by n desc limit 1""");
        int limit = 2;
        assertThat(((Number) busiest.get("n")).intValue()).as("cases holding the key").isGreaterThan(limit);
        Timestamp from = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
        Timestamp to = Timestamp.from(Instant.parse("2100-01-01T00:00:00Z"));

        String candidates = database.jdbc.queryForObject("explain analyze " + RelatedCaseRecords.CANDIDATES_BY_KEY,
                String.class, busiest.get("key_hash"), from, "none", limit);
        String inPeriod = database.jdbc.queryForObject("explain analyze " + RelatedCaseRecords.CASES_BY_KEY_BETWEEN,
                String.class, busiest.get("key_hash"), from, to, limit);

        assertThat(List.of(candidates, inPeriod)).allSatisfy(plan -> {
            assertThat(plan).containsIgnoringCase("ix_related_case_key_hash").containsIgnoringCase("index sorted");
            assertThat(scanCount(plan)).isLessThanOrEqualTo(limit + 1);
        });
    }

    @Test
    void candidateKeysAreReadByCaseThroughTheirIndex() {
        List<String> refs = filings.stream().limit(2).map(LabelledSet.Filing::ref).toList();
        String plan = database.jdbc.queryForObject(
                "explain analyze " + RelatedCaseRecords.KEYS_OF_CASES.replace(":refs", "?, ?"), String.class,
                refs.get(0), refs.get(1));

        assertThat(plan).containsIgnoringCase("ix_related_case_key_ref");
        assertThat(scanCount(plan)).isLessThanOrEqualTo(60);
    }

    @Test
    void candidatesProfilesAreReadByCaseThroughTheirPrimaryKeyNotFromEveryProfile() {
        long profiles = database.jdbc.queryForObject("select count(*) from related_case_profile", Long.class);
        List<String> refs = filings.stream().limit(2).map(LabelledSet.Filing::ref).toList();
        String plan = database.jdbc.queryForObject(
                "explain analyze " + RelatedCaseRecords.PROFILES_OF_CASES.replace(":refs", "?, ?"), String.class,
                refs.get(0), refs.get(1));

        assertThat(plan).containsIgnoringCase("primary_key");
        assertThat(scanCount(plan)).as("rows read for two cases, of %d profiles", profiles).isLessThanOrEqualTo(3);
    }

    private static long scanCount(String plan) {
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(count.find()).as("scan count in %s", plan).isTrue();
        return Long.parseLong(count.group(1));
    }
}
