package cn.consumerexchange.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

/** The intake's bulkhead: a message over the limit is refused at once and holds nothing; other requests pass. */
class HttpIntakeLimitFilterTest {

    final HttpIntakeLimitFilter filter = new HttpIntakeLimitFilter(new HttpIntakeLimits(1, Duration.ofSeconds(30)),
            Clock.systemUTC(), new ObjectMapper());
    final AtomicInteger reachedIntake = new AtomicInteger();
    final FilterChain intake = (request, response) -> reachedIntake.incrementAndGet();

    @Test
    void aMessageOverTheLimitIsAnswered503AndTheNextOneAfterwardsIsTaken() throws Exception {
        MockHttpServletResponse overTheLimit = new MockHttpServletResponse();
        FilterChain intakeBusyWithTheFirst = (request, response) -> filter.doFilter(message(), overTheLimit, intake);

        filter.doFilter(message(), new MockHttpServletResponse(), intakeBusyWithTheFirst);
        filter.doFilter(message(), new MockHttpServletResponse(), intake);

        assertThat(overTheLimit.getStatus()).isEqualTo(503);
        assertThat(overTheLimit.getHeader("Retry-After")).isEqualTo("5");
        assertThat(overTheLimit.getHeader("Connection")).isEqualTo("close");
        assertThat(overTheLimit.getContentType()).isEqualTo("application/problem+json");
        assertThat(overTheLimit.getContentAsString()).contains("GATEWAY_UNAVAILABLE");
        assertThat(reachedIntake).as("only the message after the first was done").hasValue(1);
    }

    @Test
    void otherRequestsAreNotCounted() throws Exception {
        MockHttpServletResponse console = new MockHttpServletResponse();
        FilterChain intakeBusy = (request, response) -> filter.doFilter(
                new MockHttpServletRequest("POST", "/api/partners/SZ/disable"), console, intake);

        filter.doFilter(message(), new MockHttpServletResponse(), intakeBusy);

        assertThat(console.getStatus()).isEqualTo(200);
        assertThat(reachedIntake).hasValue(1);
    }

    private static MockHttpServletRequest message() {
        return new MockHttpServletRequest("POST", "/api/partners/SZ/messages");
    }
}
