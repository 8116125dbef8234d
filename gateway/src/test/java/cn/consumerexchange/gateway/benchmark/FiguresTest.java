package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FiguresTest {

    private static final long MS = 1_000_000;

    @Test
    void aMessageThatNeverArrivedIsMissingAndNotCountedThrough() {
        QueueLoad.Sent sent = new QueueLoad.Sent(0, new long[] {0, 0, 0, 0});
        long[] arrivedAt = {10 * MS, 20 * MS, 0, 40 * MS};

        Figures figures = Figures.of(sent, number -> arrivedAt[number], Duration.ofMillis(6), 9_000);

        assertThat(figures.sent()).isEqualTo(4);
        assertThat(figures.arrived()).isEqualTo(3);
        assertThat(figures.missing()).isEqualTo(1);
        assertThat(figures.cpuMs()).isEqualTo(2.0);
        assertThat(figures.writtenKb()).isEqualTo(3.0);
        assertThat(figures.throughput()).isEqualTo(3 / 0.040);
    }

    @Test
    void latencyRunsFromWhenEachMessageWasSentToItsFirstArrival() {
        long[] sentAt = new long[100];
        long[] arrivedAt = new long[100];
        for (int i = 0; i < 100; i++) {
            sentAt[i] = i * MS;
            arrivedAt[i] = sentAt[i] + (i + 1) * MS;
        }

        Figures figures = Figures.of(new QueueLoad.Sent(0, sentAt), number -> arrivedAt[number], Duration.ZERO, 0);

        assertThat(figures.p50()).isEqualTo(50.0);
        assertThat(figures.p95()).isEqualTo(95.0);
        assertThat(figures.p99()).isEqualTo(99.0);
    }

    @Test
    void aRunWhereNothingArrivedHasNoThroughputAndNoLatency() {
        Figures figures = Figures.of(new QueueLoad.Sent(0, new long[] {0, 0}), number -> 0, Duration.ofMillis(5), 100);

        assertThat(figures.arrived()).isZero();
        assertThat(figures.throughput()).isZero();
        assertThat(figures.p99()).isNaN();
    }
}
