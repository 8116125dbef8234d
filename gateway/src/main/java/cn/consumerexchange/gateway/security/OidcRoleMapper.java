package cn.consumerexchange.gateway.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * With OIDC login: the operator's roles come from a claim of the identity provider ({@code roles} unless
 * {@code exchange.security.oidc-roles-claim} names another), a list or a space- or comma-separated string of
 * {@code viewer}, {@code operator}, {@code auditor}, {@code admin}. Other values are ignored, so an account the
 * provider gives no gateway role can log in but reach nothing.
 */
final class OidcRoleMapper implements GrantedAuthoritiesMapper {

    private final String claim;

    OidcRoleMapper(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            Map<String, Object> claims = authority instanceof OidcUserAuthority oidc
                    ? oidc.getIdToken().getClaims()
                    : authority instanceof OAuth2UserAuthority oauth2 ? oauth2.getAttributes() : Map.of();
            roles(claims.get(claim)).forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
            if (authority instanceof OidcUserAuthority oidc && oidc.getUserInfo() != null) {
                roles(oidc.getUserInfo().getClaims().get(claim))
                        .forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
            }
        }
        return mapped;
    }

    private static Stream<OperatorRole> roles(Object claimed) {
        Stream<String> values = claimed instanceof Collection<?> list ? list.stream().map(String::valueOf)
                : claimed instanceof String text ? Stream.of(text.split("[\\s,]+"))
                : Stream.empty();
        List<String> known = Stream.of(OperatorRole.values()).map(Enum::name).toList();
        return values.map(value -> value.trim().toUpperCase(Locale.ROOT)).filter(known::contains)
                .map(OperatorRole::valueOf);
    }
}
