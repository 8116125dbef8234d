package cn.consumerexchange.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class VerifiedCredentialsTest {

    /** BCrypt as the accounts use it, counting its checks. */
    static final class CountedBcrypt extends BCryptPasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        CountedBcrypt() {
            super(4);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return super.matches(raw, encoded);
        }
    }

    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountedBcrypt bcrypt = new CountedBcrypt();
    private final SettableClock clock = new SettableClock();

    private VerifiedCredentials remembering(Duration ttl) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("viewer").password(bcrypt.encode("s3cret")).roles("VIEWER").build()));
        check.setPasswordEncoder(bcrypt);
        return new VerifiedCredentials(check, ttl, clock);
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(user,
                password);
        request.setDetails(address);
        return request;
    }

    @Test
    void aLoginCheckedOnceIsAcceptedAgainWithoutTheCheckWithTheRequestsOwnDetails() {
        VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));

        Authentication first = credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));
        Authentication second = credentials.authenticate(login("viewer", "s3cret", "10.0.0.2"));

        assertThat(bcrypt.checks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getName()).isEqualTo("viewer");
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VIEWER");
        assertThat(second.getDetails()).isEqualTo("10.0.0.2");
        assertThat(first.getDetails()).isEqualTo("10.0.0.1");
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));

        assertThatThrownBy(() -> credentials.authenticate(login("viewer", "guess", "10.0.0.9")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> credentials.authenticate(login("viewer", "guess", "10.0.0.9")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aRememberedLoginIsCheckedAgainOnceItsTimeIsUp() {
        VerifiedCredentials credentials = remembering(Duration.ofMinutes(5));
        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));

        clock.now = clock.now.plus(Duration.ofMinutes(4));
        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));
        assertThat(bcrypt.checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void zeroTtlChecksEveryLogin() {
        VerifiedCredentials credentials = remembering(Duration.ZERO);

        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));
        credentials.authenticate(login("viewer", "s3cret", "10.0.0.1"));

        assertThat(bcrypt.checks).hasValue(2);
    }
}
