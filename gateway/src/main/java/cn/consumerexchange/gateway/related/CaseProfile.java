package cn.consumerexchange.gateway.related;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A recorded complaint as the detector compares it: its reference, who filed it and when, and its keys by kind. */
record CaseProfile(String gatewayRef, String partner, Instant receivedAt, Map<KeyKind, Set<String>> keys) {

    CaseProfile {
        keys = Map.copyOf(keys);
    }

    static CaseProfile of(String gatewayRef, String partner, Instant receivedAt, List<CaseKey> keys) {
        return new CaseProfile(gatewayRef, partner, receivedAt, keys.stream().collect(Collectors.groupingBy(
                CaseKey::kind, Collectors.mapping(CaseKey::value, Collectors.toSet()))));
    }

    Set<String> values(KeyKind kind) {
        return keys.getOrDefault(kind, Set.of());
    }

    /** Whether both carry this kind and share a value. */
    boolean shares(CaseProfile other, KeyKind kind) {
        return values(kind).stream().anyMatch(other.values(kind)::contains);
    }

    /** Whether both carry this kind and share no value. */
    boolean differs(CaseProfile other, KeyKind kind) {
        return !values(kind).isEmpty() && !other.values(kind).isEmpty() && !shares(other, kind);
    }

    /** Whether this case was received before the other: the first receiver leads (art. 14). */
    boolean receivedBefore(CaseProfile other) {
        int byTime = receivedAt.compareTo(other.receivedAt);
        return byTime < 0 || byTime == 0 && gatewayRef.compareTo(other.gatewayRef) < 0;
    }
}
