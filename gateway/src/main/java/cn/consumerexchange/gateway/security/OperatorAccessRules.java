package cn.consumerexchange.gateway.security;

import static cn.consumerexchange.gateway.security.OperatorRole.ADMIN;
import static cn.consumerexchange.gateway.security.OperatorRole.AUDITOR;
import static cn.consumerexchange.gateway.security.OperatorRole.OPERATOR;
import static cn.consumerexchange.gateway.security.OperatorRole.VIEWER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may do what (权限规则), for the operator API, the simulator's inbox and the console: every rule in one place,
 * the first that matches a request decides. The role hierarchy adds the rest: ADMIN may do everything, a rule for
 * VIEWER lets every role in. A request no rule names needs ADMIN, so a new endpoint is closed until it is given a rule
 * here.
 */
public final class OperatorAccessRules {

    /** One rule: the requests it covers and the roles, any one of which lets a request through. */
    public record Rule(String name, RequestMatcher requests, Set<OperatorRole> roles) {

        /** The roles as {@code hasAnyRole} takes them. */
        public String[] roleNames() {
            return roles.stream().map(Enum::name).toArray(String[]::new);
        }

        /** The roles for a person: {@code OPERATOR or AUDITOR}. */
        public String describeRoles() {
            return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "));
        }
    }

    /** The audit trail, read on the API and in the console: auditors only. */
    public static final Rule READ_AUDIT = new Rule("read the audit trail", any(
            path(null, "/api/audit"), path(null, "/api/audit/**"), path(null, "/console/audit"),
            path(null, "/console/audit/**")), EnumSet.of(AUDITOR));

    /** Seeing personal data unmasked (查看未脱敏数据): the request carries a reason, and it is audited. */
    public static final Rule UNMASK = new Rule("unmask personal data", any(
            path(HttpMethod.POST, "/api/messages/*/payload/unmasked"),
            path(HttpMethod.POST, "/api/quarantine/*/payload/unmasked"),
            path(HttpMethod.POST, "/console/messages/*/unmask"),
            path(HttpMethod.POST, "/console/quarantine/*/unmask")), EnumSet.of(OPERATOR, AUDITOR));

    /** Acting on deliveries, cases and partners, on the API and through the console's forms. */
    public static final Rule ACT = new Rule("act on deliveries, cases and partners", any(
            path(HttpMethod.POST, "/api/messages/*/retry"),
            path(HttpMethod.POST, "/api/messages/retry"),
            path(HttpMethod.POST, "/api/messages/retry/preview"),
            path(HttpMethod.POST, "/api/messages/*/replay"),
            path(HttpMethod.POST, "/api/transfers/*/reassign"),
            path(HttpMethod.POST, "/api/partners/*/enable"),
            path(HttpMethod.POST, "/api/partners/*/disable"),
            path(HttpMethod.POST, "/console/failures/**"),
            path(HttpMethod.POST, "/console/partners/**")), EnumSet.of(OPERATOR));

    /** Everything operators read, personal data masked: every role. */
    public static final Rule READ = new Rule("read transfers, failures, partners and ledgers", any(
            path(HttpMethod.GET, "/api/transfers/**"),
            path(HttpMethod.GET, "/api/cases/**"),
            path(HttpMethod.GET, "/api/deadlines"),
            path(HttpMethod.GET, "/api/messages/**"),
            path(HttpMethod.GET, "/api/partners"),
            path(HttpMethod.GET, "/api/partners/*/health"),
            path(HttpMethod.GET, "/api/failures/**"),
            path(HttpMethod.GET, "/api/quarantine/**"),
            path(HttpMethod.GET, "/api/dead-letters/**"),
            path(HttpMethod.GET, "/api/ledger/**"),
            // Related cases (并案) and advisory flags (art. 17).
            path(HttpMethod.GET, "/api/related"),
            path(HttpMethod.GET, "/api/related/sweep"),
            // Cross-store returns: the commitment registry, returns, refunds and settlement statements.
            path(HttpMethod.GET, "/api/returns/**"),
            path(HttpMethod.GET, "/simulator/**"),
            // The operator API's description (OpenAPI) and its browsable page.
            path(HttpMethod.GET, "/v3/api-docs/**"),
            path(HttpMethod.GET, "/swagger-ui/**"),
            path(HttpMethod.GET, "/swagger-ui.html"),
            path(HttpMethod.GET, "/console/**"),
            // The page a refused console request is shown, whatever the method of the request refused.
            path(null, "/console/denied")), EnumSet.of(VIEWER));

    /** Whatever no other rule names: administrators only. */
    public static final Rule EVERYTHING_ELSE = new Rule("anything else", request -> true, EnumSet.of(ADMIN));

    /** In order: the first rule that matches decides. */
    public static final List<Rule> RULES = List.of(READ_AUDIT, UNMASK, ACT, READ, EVERYTHING_ELSE);

    private OperatorAccessRules() {
    }

    /** The rule that decides {@code request}. */
    public static Rule ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.requests().matches(request)).findFirst().orElse(EVERYTHING_ELSE);
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    static RequestMatcher any(RequestMatcher... matchers) {
        return new OrRequestMatcher(Arrays.asList(matchers));
    }
}
