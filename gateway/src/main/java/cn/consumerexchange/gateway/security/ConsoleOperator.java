package cn.consumerexchange.gateway.security;

import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * The logged-in operator as the console's header shows them: {@code ${@consoleOperator.displayName(#authentication)}}.
 */
@Component
public class ConsoleOperator {

    private final SecuritySettings settings;

    ConsoleOperator(SecuritySettings settings) {
        this.settings = settings;
    }

    /** The configured display name, the identity provider's full name, or else the login name. */
    public String displayName(Authentication login) {
        if (login == null) {
            return "";
        }
        if (login.getPrincipal() instanceof OidcUser oidc && oidc.getFullName() != null) {
            return oidc.getFullName();
        }
        return settings.operators().stream()
                .filter(operator -> operator.username().equals(login.getName()) && operator.displayName() != null)
                .map(SecuritySettings.Operator::displayName)
                .findFirst().orElse(login.getName());
    }

    /** The roles given to the operator (not those they imply), e.g. {@code OPERATOR}. */
    public String roles(Authentication login) {
        return login == null ? "" : login.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .sorted().collect(Collectors.joining(", "));
    }
}
