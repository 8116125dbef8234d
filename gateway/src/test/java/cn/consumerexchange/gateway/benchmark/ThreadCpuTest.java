package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void theJvmsOwnThreadsAreToldApartFromTheApplications() {
        assertThat(ThreadCpu.kind("GC Thread#1")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.kind("G1 Conc#0")).isEqualTo("garbage collector");
        assertThat(ThreadCpu.kind("C2 CompilerThre")).isEqualTo("JIT compiler");
        assertThat(ThreadCpu.kind("JFR Recorder Th")).isEqualTo("JFR");
        assertThat(ThreadCpu.kind("Camel (exchange")).isEqualTo(ThreadCpu.JAVA_THREADS);
    }

    @Test
    void aWindowCountsEachThreadsGrowthAndWhatEndedThreadsTook() {
        Map<String, ThreadCpu.ThreadTime> before = Map.of(
                "10", new ThreadCpu.ThreadTime("GC Thread#0", 100),
                "11", new ThreadCpu.ThreadTime("Camel (exchange", 300));
        Map<String, ThreadCpu.ThreadTime> after = Map.of(
                "10", new ThreadCpu.ThreadTime("GC Thread#0", 150),
                "11", new ThreadCpu.ThreadTime("Camel (exchange", 500),
                "12", new ThreadCpu.ThreadTime("Camel (exchange", 20));

        Map<String, Duration> kinds = ThreadCpu.byKind(before, after, Duration.ofMillis(2_800));

        assertThat(kinds).containsEntry("garbage collector", Duration.ofMillis(500))
                .containsEntry(ThreadCpu.JAVA_THREADS, Duration.ofMillis(2_200))
                .containsEntry(ThreadCpu.EXITED, Duration.ofMillis(100));
    }
}
