package cn.consumerexchange.gateway.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operators' logins, bound from {@code exchange.security.*}. Partners never log in here: they send their own token
 * ({@code exchange.partner-tokens}).
 *
 * @param operators      the operators' accounts; the embedded defaults define four demo accounts, a deployment sets
 *                       its own (or none, with OIDC)
 * @param oidcRolesClaim with OIDC login: the claim of the ID token or user info that lists the operator's roles
 *                       ({@code viewer}, {@code operator}, {@code auditor}, {@code admin})
 * @param verifiedCredentialsTtl how long a user name and password the password check accepted are accepted again
 *                       without it ({@link VerifiedCredentials}); {@code 0s} checks every login and every API call
 */
@ConfigurationProperties("exchange.security")
public record SecuritySettings(@DefaultValue List<Operator> operators, @DefaultValue("roles") String oidcRolesClaim,
        @DefaultValue("5m") Duration verifiedCredentialsTtl) {

    /**
     * One operator's account.
     *
     * @param username    the login name, also the name the audit trail records
     * @param password    with its encoding as prefix: {@code {bcrypt}$2a$...}, or {@code {noop}secret} for demos only
     * @param roles       one or more of {@link OperatorRole}
     * @param displayName the name the console shows (姓名); the username when absent
     */
    public record Operator(String username, String password, Set<OperatorRole> roles, String displayName) {
    }
}
