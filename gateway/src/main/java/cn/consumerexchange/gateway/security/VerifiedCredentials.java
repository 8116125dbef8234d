package cn.consumerexchange.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Credentials the password check accepted a moment ago, accepted again without it (已验证凭据). The operator API takes
 * HTTP basic, so every call carries the password, and a {@code {bcrypt}} check costs tens of milliseconds of CPU: a
 * script polling the ledger paid it per call. A successful check is remembered for {@code ttl} under a salted SHA-256 of
 * user name and password, never the password itself; a failed one is never remembered, so guessing stays as slow as
 * the password's encoding makes it. The accounts come from configuration and change only with a restart, which
 * forgets everything remembered.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    /** More remembered logins than operators plausibly have at once: past it, the expired ones go first. */
    static final int MAX_REMEMBERED = 10_000;

    private final AuthenticationProvider passwordCheck;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[16];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Authentication verified, Instant until) {
    }

    /**
     * @param passwordCheck the check that compares the password with the account's
     * @param ttl           how long a successful check is remembered; zero remembers nothing
     */
    VerifiedCredentials(AuthenticationProvider passwordCheck, Duration ttl, Clock clock) {
        this.passwordCheck = passwordCheck;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (ttl.isZero() || request.getCredentials() == null) {
            return passwordCheck.authenticate(request);
        }
        String key = key(request.getName(), request.getCredentials().toString());
        Instant now = clock.instant();
        Remembered hit = remembered.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return asAnswerTo(request, hit.verified());
        }
        Authentication verified = passwordCheck.authenticate(request);
        if (verified != null && verified.isAuthenticated()) {
            makeRoom(now);
            remembered.put(key, new Remembered(verified, now.plus(ttl)));
        }
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwordCheck.supports(authentication);
    }

    /** A fresh token for this request: its own details (address, session), the verified principal and roles. */
    private static Authentication asAnswerTo(Authentication request, Authentication verified) {
        UsernamePasswordAuthenticationToken answer = UsernamePasswordAuthenticationToken.authenticated(
                verified.getPrincipal(), null, verified.getAuthorities());
        answer.setDetails(request.getDetails());
        return answer;
    }

    private void makeRoom(Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
    }

    private String key(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(username.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
