package cn.consumerexchange.gateway.related;

/** One key of a complaint, as its profile and {@code related_case_key} hold it (pseudonymised when personal). */
public record CaseKey(KeyKind kind, String value) {
}
