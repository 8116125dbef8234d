package cn.consumerexchange.gateway.audit;

import java.security.Principal;

/** Who an operator request acts as (经办人), for the audit trail: the name the operator logged in with. */
public final class ActingOperator {

    private ActingOperator() {
    }

    /** The logged-in operator's name; {@code anonymous} only where a request reached an action without a login. */
    public static String name(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
