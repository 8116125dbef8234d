package cn.consumerexchange.gateway.security;

/** Why the operator API refused a request: the {@code code} of its problem+json answer. */
public enum AccessRefusal {
    /** No login, or a wrong user name or password (401). */
    LOGIN_REQUIRED,
    /** Logged in, but no role of the operator's may do this (403); the refusal is in the audit trail. */
    ROLE_NOT_ALLOWED
}
