package cn.consumerexchange.gateway.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks a partner's HTTP credential: the token its {@code credentialsRef} names, compared in constant time. The same
 * check for the message intake and the evidence upload.
 */
@Component
public class PartnerTokens {

    private final PartnerRegistry partners;
    private final Environment environment;

    public PartnerTokens(PartnerRegistry partners, Environment environment) {
        this.partners = partners;
        this.environment = environment;
    }

    /** The partner {@code code} if {@code token} is its credential; empty for an unknown partner or a wrong token. */
    public Optional<Partner> authenticate(String code, String token) {
        return partners.find(code).filter(partner -> matches(partner, token));
    }

    private boolean matches(Partner partner, String token) {
        String expected = partner.credentialsRef() == null ? null : environment.getProperty(partner.credentialsRef());
        return expected != null && token != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
