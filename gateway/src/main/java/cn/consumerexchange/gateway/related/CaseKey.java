package cn.consumerexchange.gateway.related;

/** One key of a complaint, as a row of {@code related_case_key} holds it (pseudonymised when personal). */
public record CaseKey(KeyKind kind, String value) {
}
