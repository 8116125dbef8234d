package cn.consumerexchange.gateway.security;

import java.io.IOException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.consumerexchange.gateway.audit.ActingOperator;
import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * A logged-in operator tried what their role does not allow: the attempt goes into the audit trail as DENIED (who,
 * {@code POST /api/messages/17/retry}, the subject, the {@code reason} the request gave), then the refusal is
 * answered: problem+json on the API, a page in the console. A form without its CSRF token is refused too, but is no
 * operator's attempt and is not audited.
 */
final class AuditedAccessDenial implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(AuditedAccessDenial.class);

    private final OperatorAudit audit;
    private final AccessDeniedHandler answer;

    private AuditedAccessDenial(OperatorAudit audit, AccessDeniedHandler answer) {
        this.audit = audit;
        this.answer = answer;
    }

    /** On the operator API: a 403 problem+json naming the role the request needs. */
    static AuditedAccessDenial onApi(OperatorAudit audit, AccessProblems problems) {
        return new AuditedAccessDenial(audit, (request, response, denied) -> problems.write(request, response,
                HttpStatus.FORBIDDEN, AccessRefusal.ROLE_NOT_ALLOWED, explain(request, denied)));
    }

    /** In the console: the page {@code /console/denied}, with status 403. */
    static AuditedAccessDenial inConsole(OperatorAudit audit, AccessDeniedHandler page) {
        return new AuditedAccessDenial(audit, page);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            record(request);
        }
        answer.handle(request, response, denied);
    }

    /** The refusal is answered even if it cannot be recorded: a database outage must not turn it into a 500. */
    private void record(HttpServletRequest request) {
        Authentication operator = SecurityContextHolder.getContext().getAuthentication();
        try {
            audit.denied(ActingOperator.name(operator), request.getMethod() + " " + request.getRequestURI(),
                    subjectOf(request.getRequestURI()), request.getParameter("reason"));
        } catch (DataAccessException e) {
            log.warn("Could not record the refused {} {} by {}", request.getMethod(), request.getRequestURI(),
                    ActingOperator.name(operator), e);
        }
    }

    private static String explain(HttpServletRequest request, AccessDeniedException denied) {
        if (denied instanceof CsrfException) {
            return "The request carries no valid CSRF token";
        }
        OperatorAccessRules.Rule rule = OperatorAccessRules.ruleFor(request);
        Authentication operator = SecurityContextHolder.getContext().getAuthentication();
        String held = operator != null
                ? operator.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                        .sorted().collect(Collectors.joining(", "))
                : "";
        return request.getMethod() + " " + request.getRequestURI() + " (" + rule.name() + ") needs role "
                + rule.describeRoles() + "; " + ActingOperator.name(operator) + " has "
                + (held.isEmpty() ? "no role" : held);
    }

    /**
     * The resource a refused request was about, named as the actions it would have been recorded as name theirs:
     * {@code message:17} for {@code /api/messages/17/retry}, {@code SH} for {@code /api/partners/SH/disable}, the
     * gateway reference for {@code /api/transfers/GW-.../reassign}, {@code quarantine:5} for a quarantined input,
     * {@code message:17} for the console's {@code /console/failures/17/retry}; the path itself otherwise.
     */
    static String subjectOf(String path) {
        String[] parts = path.split("/");
        // "", "api" or "console", the collection, the resource, ...
        if (parts.length >= 4 && ("api".equals(parts[1]) || "console".equals(parts[1]))) {
            String id = parts[3];
            return switch (parts[2]) {
                case "messages" -> "retry".equals(id) ? path : "message:" + id;
                // The console's failures page acts on inbound messages by ledger id, as the API does.
                case "failures" -> id.chars().allMatch(Character::isDigit) ? "message:" + id : path;
                case "quarantine" -> "quarantine:" + id;
                case "partners", "transfers", "cases" -> id;
                default -> path;
            };
        }
        return path;
    }
}
