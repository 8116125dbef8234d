package cn.consumerexchange.gateway.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * The figures of one run, from what was sent and what the receiver really got: a message that never arrived counts as
 * missing, never as through.
 *
 * @param sent       messages sent
 * @param arrived    of those, how many the receiver got (each once, however often it came)
 * @param throughput arrived per second, from the run's start to the last first arrival
 * @param p50        median latency, sent (or due) to first arrival, ms
 * @param p95        95th percentile, ms
 * @param p99        99th percentile, ms
 * @param cpuMs      CPU time of the process under test over the run, per arrived message, ms
 * @param writtenKb  bytes the process under test handed to the kernel to write over the run, per arrived message, KB
 */
record Figures(int sent, int arrived, double throughput, double p50, double p95, double p99, double cpuMs,
        double writtenKb) {

    /**
     * @param sent      the run as sent
     * @param arrivedAt when message {@code number} first arrived ({@link System#nanoTime()}), or 0 if it did not
     * @param cpu       the CPU time the process under test spent over the run
     * @param written   the bytes the process under test wrote over the run ({@link ProcessWrites})
     */
    static Figures of(QueueLoad.Sent sent, IntToLongFunction arrivedAt, Duration cpu, long written) {
        double[] latencies = new double[sent.count()];
        int arrived = 0;
        long last = sent.start();
        for (int i = 0; i < sent.count(); i++) {
            long at = arrivedAt.applyAsLong(i);
            if (at != 0) {
                latencies[arrived++] = (at - sent.sentAt()[i]) / 1e6;
                last = Math.max(last, at);
            }
        }
        double[] sorted = Arrays.copyOf(latencies, arrived);
        Arrays.sort(sorted);
        double seconds = (last - sent.start()) / 1e9;
        return new Figures(sent.count(), arrived, arrived == 0 ? 0 : arrived / seconds, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), arrived == 0 ? 0 : cpu.toNanos() / 1e6 / arrived,
                arrived == 0 ? 0 : written / 1e3 / arrived);
    }

    int missing() {
        return sent - arrived;
    }

    String row(String name) {
        return String.format(Locale.ROOT, "%-46s %9.0f %8.1f %8.1f %8.1f %10.3f %10.1f", name, throughput, p50, p95,
                p99, cpuMs, writtenKb);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-46s %9s %8s %8s %8s %10s %10s", "", "msg/s", "p50 ms", "p95 ms",
                "p99 ms", "CPU ms/msg", "KB written/msg");
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
