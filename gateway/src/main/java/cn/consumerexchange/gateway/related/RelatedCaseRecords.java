package cn.consumerexchange.gateway.related;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The keys of every recorded complaint and the links found between them (V20): each case's profile, all its keys by
 * case (V27), and the keys looked up by value as rows of their own. Every lookup goes through an index: by key within
 * a period ({@code ix_related_case_key_hash}) or by case (the profile's primary key), never a scan of all cases.
 */
@Repository
public class RelatedCaseRecords {

    private final JdbcClient jdbc;

    public RelatedCaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the case's keys are already recorded: a complaint delivered twice is recorded once. */
    public boolean holds(String gatewayRef) {
        return !jdbc.sql("select 1 from related_case_key where gateway_ref = ? limit 1")
                .param(gatewayRef).query(Integer.class).list().isEmpty();
    }

    /**
     * Keeps a complaint's profile: all its keys, read by case when it is scored as a candidate. The intake keeps it
     * from the message it has just read, so the related-case check records the case without reading the complaint
     * again. A profile already kept stays as it is.
     *
     * @param receivedAt when its authority received it
     */
    void keepProfile(String gatewayRef, String partner, Instant receivedAt, CaseKeys keys) {
        jdbc.sql("""
                insert into related_case_profile (gateway_ref, partner, received_at, case_keys) values (?, ?, ?, ?)
                on conflict do nothing""")
                .params(gatewayRef, partner, utc(receivedAt), keys.written())
                .update();
    }

    /**
     * The keys of the kinds looked up by value ({@link KeyKind#lookedUp()}), in one statement: one commit, where a
     * batch would commit row by row. The others stay only in the case's profile.
     */
    void insertKeys(String gatewayRef, String partner, Instant receivedAt, List<CaseKey> all) {
        List<CaseKey> keys = all.stream().filter(key -> key.kind().lookedUp()).toList();
        if (keys.isEmpty()) {
            return;
        }
        OffsetDateTime at = utc(receivedAt);
        List<Object> params = new ArrayList<>(keys.size() * 6);
        keys.forEach(key -> params.addAll(
                List.of(key.kind().name(), key.value(), key.lookupHash(), gatewayRef, at, partner)));
        jdbc.sql("insert into related_case_key (key_kind, key_value, key_hash, gateway_ref, received_at, partner) "
                + "values " + String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?, ?, ?, ?)")))
                .params(params)
                .update();
    }

    /**
     * Candidates: the cases holding one key, by its {@link CaseKey#lookupHash() hash}, newest first; read through
     * ix_related_case_key_hash alone and in its own order (the hash is fixed, but H2 reads an index in order only when
     * the ORDER BY names its columns), up to the limit.
     */
    static final String CANDIDATES_BY_KEY = """
            select gateway_ref from related_case_key
             where key_hash = ? and received_at >= ? and gateway_ref <> ?
             order by key_hash, received_at desc
             limit ?""";
    /** The cases holding one key received in a period, newest first, as {@link #CANDIDATES_BY_KEY} reads them. */
    static final String CASES_BY_KEY_BETWEEN = """
            select gateway_ref from related_case_key
             where key_hash = ? and received_at between ? and ?
             order by key_hash, received_at desc
             limit ?""";
    /** The keys of cases recorded before their profiles were kept (V27); read through ix_related_case_key_ref. */
    static final String KEYS_OF_CASES = """
            select gateway_ref, partner, received_at, key_kind, key_value from related_case_key
             where gateway_ref in (:refs)""";

    /** The candidates' profiles; read through the primary key. */
    static final String PROFILES_OF_CASES = """
            select gateway_ref, partner, received_at, case_keys from related_case_profile
             where gateway_ref in (:refs)""";

    /**
     * Cases other than {@code exceptRef} holding any of the keys, received since {@code since}, at most {@code limit}
     * per key, newest first, each key read through the key index. A statement per key: the database keeps the one
     * statement prepared, where a union of one branch per key was planned again for every case (in H2 a third of a
     * millisecond, more than reading the keys).
     */
    Set<String> refsHoldingAny(List<CaseKey> keys, Instant since, String exceptRef, int limit) {
        Set<String> refs = new LinkedHashSet<>();
        OffsetDateTime from = utc(since);
        for (CaseKey key : keys) {
            refs.addAll(jdbc.sql(CANDIDATES_BY_KEY)
                    .params(key.lookupHash(), from, exceptRef, limit)
                    .query(String.class).list());
        }
        return refs;
    }

    /** Cases holding the key received in [{@code from}, {@code to}], newest first. */
    List<String> refsHolding(CaseKey key, Instant from, Instant to, int limit) {
        return jdbc.sql(CASES_BY_KEY_BETWEEN)
                .params(key.lookupHash(), utc(from), utc(to), limit)
                .query(String.class).list();
    }

    /**
     * The cases giving this phone key in [{@code from}, {@code to}], newest first, each with its complainant's name
     * key, from their profiles: only cases whose profile gives the phone count, whatever shares its hash.
     */
    List<Map.Entry<String, String>> namesGivingPhone(String phoneKey, Instant from, Instant to, int limit) {
        List<String> refs = refsHolding(new CaseKey(KeyKind.CONSUMER_PHONE, phoneKey), from, to, limit);
        Map<String, CaseProfile> profiles = new HashMap<>();
        profiles(refs).forEach(profile -> profiles.put(profile.gatewayRef(), profile));
        return refs.stream()
                .flatMap(ref -> Optional.ofNullable(profiles.get(ref)).stream()
                        .filter(profile -> profile.values(KeyKind.CONSUMER_PHONE).contains(phoneKey))
                        .flatMap(profile -> profile.values(KeyKind.CONSUMER_NAME).stream())
                        .map(name -> Map.entry(ref, name)))
                .toList();
    }

    /**
     * The recorded keys of these cases, one profile each: from their profiles, or from their rows of
     * {@code related_case_key} for cases recorded before profiles were kept (V27), which hold all their keys there.
     */
    List<CaseProfile> profiles(Collection<String> gatewayRefs) {
        if (gatewayRefs.isEmpty()) {
            return List.of();
        }
        List<CaseProfile> profiles = new ArrayList<>(jdbc.sql(PROFILES_OF_CASES)
                .param("refs", gatewayRefs)
                .query((rs, row) -> CaseProfile.of(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), CaseKeys.read(rs.getString(4)).keys()))
                .list());
        if (profiles.size() < gatewayRefs.size()) {
            Set<String> kept = new HashSet<>();
            profiles.forEach(profile -> kept.add(profile.gatewayRef()));
            profiles.addAll(keptAsRows(gatewayRefs.stream().filter(ref -> !kept.contains(ref)).toList()));
        }
        return profiles;
    }

    private List<CaseProfile> keptAsRows(Collection<String> gatewayRefs) {
        if (gatewayRefs.isEmpty()) {
            return List.of();
        }
        record Row(String ref, String partner, Instant at, CaseKey key) {
        }
        Map<String, List<Row>> byCase = new LinkedHashMap<>();
        jdbc.sql(KEYS_OF_CASES)
                .param("refs", gatewayRefs)
                .query((rs, row) -> new Row(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        new CaseKey(KeyKind.valueOf(rs.getString(4)), rs.getString(5))))
                .list()
                .forEach(row -> byCase.computeIfAbsent(row.ref(), ref -> new ArrayList<>()).add(row));
        return byCase.values().stream()
                .map(rows -> CaseProfile.of(rows.get(0).ref(), rows.get(0).partner(), rows.get(0).at(),
                        rows.stream().map(Row::key).toList()))
                .toList();
    }

    /** Records the link once: the same pair found again (a redelivery, or both cases recorded at once) adds nothing. */
    void insertLink(RelatedCaseLink link, Instant now) {
        jdbc.sql("""
                insert into related_case_link (lead_ref, lead_partner, other_ref, other_partner, score, reasons,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(link.leadRef(), link.leadPartner(), link.otherRef(), link.otherPartner(), link.score(),
                        String.join(" ", link.reasons().stream().map(Enum::name).toList()), utc(now))
                .update();
    }

    /** The links of a case, as lead or as the other. */
    public List<RelatedCaseLink> linksOf(String gatewayRef) {
        return jdbc.sql("""
                select lead_ref, lead_partner, other_ref, other_partner, score, reasons, offered_as_art16
                  from related_case_link where lead_ref = ?
                union all
                select lead_ref, lead_partner, other_ref, other_partner, score, reasons, offered_as_art16
                  from related_case_link where other_ref = ?""")
                .params(gatewayRef, gatewayRef)
                .query((rs, row) -> new RelatedCaseLink(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDouble(5),
                        Arrays.stream(rs.getString(6).split(" ")).map(MatchReason::valueOf).toList(),
                        rs.getBoolean(7)))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
