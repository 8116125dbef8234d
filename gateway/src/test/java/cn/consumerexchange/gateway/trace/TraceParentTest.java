package cn.consumerexchange.gateway.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidTraceparentIsReadAsSent() {
        TraceParent trace = TraceParent.parse(VALID).orElseThrow();

        assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.flags()).isEqualTo("01");
        assertThat(trace.toString()).isEqualTo(VALID);
    }

    @Test
    void aLaterVersionMayAppendFields() {
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .map(TraceParent::traceId).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g"})
    void anInvalidTraceparentIsNotRead(String value) {
        assertThat(TraceParent.parse(value)).isEmpty();
    }

    @Test
    void aMissingOrInvalidTraceparentStartsAFreshValidTrace() {
        TraceParent fresh = TraceParent.continueOrStart("00-nonsense");

        assertThat(TraceParent.parse(fresh.toString())).contains(fresh);
        assertThat(TraceParent.continueOrStart(null).traceId()).isNotEqualTo(fresh.traceId()).hasSize(32);
    }

    @Test
    void aNewTraceBeginsWithTheSecondItStartedAndEndsRandom() {
        long before = System.currentTimeMillis() / 1000;
        TraceParent first = TraceParent.start();
        TraceParent second = TraceParent.start();
        long after = System.currentTimeMillis() / 1000;

        assertThat(Long.parseLong(first.traceId().substring(0, 8), 16)).isBetween(before, after);
        assertThat(first.traceId()).matches("[0-9a-f]{32}");
        assertThat(first.traceId().substring(8)).isNotEqualTo(second.traceId().substring(8));
        assertThat(TraceParent.parse(first.toString())).contains(first);
    }

    @Test
    void theNextHopKeepsTheTraceWithASpanOfItsOwn() {
        TraceParent trace = TraceParent.parse(VALID).orElseThrow();

        TraceParent next = trace.nextHop();

        assertThat(next.traceId()).isEqualTo(trace.traceId());
        assertThat(next.spanId()).isNotEqualTo(trace.spanId()).matches("[0-9a-f]{16}");
        assertThat(TraceParent.ofTraceId(trace.traceId()).traceId()).isEqualTo(trace.traceId());
    }
}
