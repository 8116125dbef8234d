package cn.consumerexchange.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * Who may reach what (安全配置): four filter chains, tried in order, each for its own kind of caller.
 * <ol>
 * <li>Partners: the message intake, evidence uploads, the signed links receivers fetch evidence and originals
 * through, and the simulated partners' inboxes the gateway delivers to. No operator login, no session, no CSRF: the
 * controllers check the partner's token ({@code partner.PartnerTokens}) or the link's signature
 * ({@code web.ReceiverLinks}) themselves, and an operator's login opens none of them.</li>
 * <li>The actuator: health and Prometheus open for probes and scrapers (no personal data), the rest ADMIN.</li>
 * <li>The operator API (and its OpenAPI pages, and the simulator's inbox): HTTP basic, stateless, answers in
 * problem+json.</li>
 * <li>The console and everything else: form login (and OIDC when configured), a session, CSRF on every form.</li>
 * </ol>
 * Which role may do what is in {@link OperatorAccessRules}, for the API and the console alike. Only where the gateway
 * serves HTTP: the operator commands run it without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain partnerChain(HttpSecurity http) throws Exception {
        http.securityMatcher(OperatorAccessRules.any(
                        OperatorAccessRules.path(null, "/api/partners/*/messages"),
                        OperatorAccessRules.path(null, "/api/partners/*/evidence/**"),
                        OperatorAccessRules.path(HttpMethod.GET, "/api/evidence/**"),
                        OperatorAccessRules.path(HttpMethod.GET, "/api/signed-originals/**"),
                        OperatorAccessRules.path(HttpMethod.POST, "/simulator/partners/*/inbox")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return stateless(http).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccessProblems problems, OperatorAudit audit)
            throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .anyRequest().hasRole(OperatorRole.ADMIN.name()))
                .httpBasic(basic -> basic.realmName(AccessProblems.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(AuditedAccessDenial.onApi(audit, problems)));
        return stateless(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operatorApiChain(HttpSecurity http, AccessProblems problems, OperatorAudit audit)
            throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/simulator/**")
                .authorizeHttpRequests(SecurityConfiguration::byRules)
                .httpBasic(basic -> basic.realmName(AccessProblems.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems)
                        .accessDeniedHandler(AuditedAccessDenial.onApi(audit, problems)));
        return stateless(http).build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain consoleChain(HttpSecurity http, OperatorAudit audit,
            ObjectProvider<ClientRegistrationRepository> identityProviders, SecuritySettings settings)
            throws Exception {
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/console/denied");
        http.authorizeHttpRequests(requests -> {
                    // "/" only redirects to the console; the login page's stylesheet; Spring's error page.
                    requests.requestMatchers("/", "/login", "/console/console.css", "/error", "/favicon.ico")
                            .permitAll();
                    byRules(requests);
                })
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/console/dashboard").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(refusals -> refusals.accessDeniedHandler(
                        AuditedAccessDenial.inConsole(audit, deniedPage)));
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/console/dashboard")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(
                            new OidcRoleMapper(settings.oidcRolesClaim()))));
        }
        return http.build();
    }

    private static void byRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (OperatorAccessRules.Rule rule : OperatorAccessRules.RULES) {
            requests.requestMatchers(rule.requests()).hasAnyRole(rule.roleNames());
        }
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults());
    }

    @Bean
    AccessProblems accessProblems(ObjectMapper json) {
        return new AccessProblems(json);
    }

    /** ADMIN includes OPERATOR and AUDITOR; each of those includes VIEWER. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(OperatorRole.ADMIN.name()).implies(OperatorRole.OPERATOR.name(), OperatorRole.AUDITOR.name())
                .role(OperatorRole.OPERATOR.name()).implies(OperatorRole.VIEWER.name())
                .role(OperatorRole.AUDITOR.name()).implies(OperatorRole.VIEWER.name())
                .build();
    }

    /** Passwords carry their encoding as a prefix ({@code {bcrypt}}, {@code {noop}}, ...). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The password check of form login and HTTP basic against the operators of {@code exchange.security.operators},
     * remembering a successful check for {@code exchange.security.verified-credentials-ttl}
     * ({@link VerifiedCredentials}).
     */
    @Bean
    AuthenticationProvider operatorPasswordCheck(PasswordEncoder passwordEncoder, SecuritySettings settings,
            Clock clock) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                settings.operators().stream().map(SecurityConfiguration::account).toList()));
        check.setPasswordEncoder(passwordEncoder);
        return new VerifiedCredentials(check, settings.verifiedCredentialsTtl(), clock);
    }

    private static UserDetails account(SecuritySettings.Operator operator) {
        return User.withUsername(operator.username())
                .password(operator.password())
                .authorities(operator.roles().stream().map(OperatorRole::authority).toArray(String[]::new))
                .build();
    }
}
