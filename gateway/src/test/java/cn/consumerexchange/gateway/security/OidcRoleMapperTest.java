package cn.consumerexchange.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/** Roles from the identity provider's claim: known ones mapped, others ignored, the provider's authority kept. */
class OidcRoleMapperTest {

    @Test
    void aListClaimGivesTheRolesItNames() {
        assertThat(roles(new OidcRoleMapper("roles"), Map.of("roles", List.of("operator", "Auditor", "superuser"))))
                .containsExactlyInAnyOrder("OIDC_USER", "ROLE_OPERATOR", "ROLE_AUDITOR");
    }

    @Test
    void aStringClaimUnderAnotherNameIsReadToo() {
        assertThat(roles(new OidcRoleMapper("gateway_roles"), Map.of("gateway_roles", "viewer, admin")))
                .containsExactlyInAnyOrder("OIDC_USER", "ROLE_VIEWER", "ROLE_ADMIN");
    }

    @Test
    void noClaimGivesNoRole() {
        assertThat(roles(new OidcRoleMapper("roles"), Map.of("groups", List.of("operator"))))
                .containsExactly("OIDC_USER");
    }

    private static List<String> roles(OidcRoleMapper mapper, Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("token").subject("zhang.san").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(all -> all.putAll(claims)).build();
        return mapper.mapAuthorities(List.of(new OidcUserAuthority(token))).stream()
                .map(GrantedAuthority::getAuthority).toList();
    }
}
