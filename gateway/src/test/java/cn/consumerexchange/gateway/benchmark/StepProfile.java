package cn.consumerexchange.gateway.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU went over a window, from a JFR recording of its process: the execution samples of its Java
 * threads counted by {@link ProfileSteps step}, by the innermost class of the project's own and, for the embedded
 * database, by what it was doing ({@link ProfileSteps#ledgerWork}), and the peak heap the
 * recording saw. Samples are turned into CPU time by the share of each step in the Java threads' CPU time over the
 * window (from {@code /proc}); the JVM's own threads (collector, compiler) are told apart by {@link ThreadCpu}.
 */
final class StepProfile {

    private final Map<ProfileSteps.Step, Integer> steps = new HashMap<>();
    private final Map<String, Integer> projectClasses = new HashMap<>();
    private final Map<String, Integer> ledgerWork = new HashMap<>();
    private int samples;
    private long peakHeap;
    private long maxHeap;

    private StepProfile() {
    }

    /** Reads the execution samples taken between {@code from} and {@code to}, and the heap peak of the recording. */
    static StepProfile read(Path recording, Instant from, Instant to) throws IOException {
        StepProfile profile = new StepProfile();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GCHeapConfiguration")) {
                    profile.maxHeap = event.getLong("maxSize");
                } else if (type.equals("jdk.GCHeapSummary")) {
                    profile.peakHeap = Math.max(profile.peakHeap, event.getLong("heapUsed"));
                } else if (type.equals("jdk.ExecutionSample") && !event.getStartTime().isBefore(from)
                        && !event.getStartTime().isAfter(to)) {
                    profile.count(event);
                }
            }
        }
        return profile;
    }

    long peakHeap() {
        return peakHeap;
    }

    /** The most the heap may grow to (-Xmx or the JVM's choice). */
    long maxHeap() {
        return maxHeap;
    }

    int samples() {
        return samples;
    }

    /**
     * What the CPU allows on this machine's cores, from the CPU time of the process's threads by kind over the window
     * and the steps' shares of the samples.
     */
    CpuBounds bounds(Map<String, Duration> cpuByKind, int complaints) {
        double javaMs = perComplaint(cpuByKind.get(ThreadCpu.JAVA_THREADS), complaints);
        double allMs = cpuByKind.values().stream().mapToDouble(cpu -> perComplaint(cpu, complaints)).sum();
        return new CpuBounds(Runtime.getRuntime().availableProcessors(), allMs,
                stepsMs(step -> step.part().equals(ProfileSteps.DATABASE), javaMs),
                perComplaint(cpuByKind.get(ThreadCpu.JIT_COMPILER), complaints),
                stepsMs(step -> step.stage().equals(ProfileSteps.INTAKE)
                        && ProfileSteps.XML_WORK.contains(step.part()), javaMs));
    }

    private static double perComplaint(Duration cpu, int complaints) {
        return cpu == null ? 0 : cpu.toNanos() / 1e6 / complaints;
    }

    /**
     * The CPU time per complaint of the steps that pass {@code which}: their share of the samples applied to the Java
     * threads' CPU time per complaint.
     */
    double stepsMs(Predicate<ProfileSteps.Step> which, double javaMs) {
        if (samples == 0) {
            return 0;
        }
        int chosen = steps.entrySet().stream().filter(step -> which.test(step.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        return javaMs * chosen / samples;
    }

    /**
     * Prints the steps, their share of the samples and their CPU time per complaint, from the CPU time of the process's
     * threads by kind over the window.
     */
    void print(PrintStream out, Map<String, Duration> cpuByKind, int complaints) {
        double javaMs = perComplaint(cpuByKind.get(ThreadCpu.JAVA_THREADS), complaints);
        double allMs = cpuByKind.values().stream().mapToDouble(cpu -> perComplaint(cpu, complaints)).sum();
        out.printf(Locale.ROOT, "Gateway CPU per complaint by kind of thread (/proc), %d complaints: %.3f ms in all%n",
                complaints, allMs);
        cpuByKind.forEach((kind, cpu) -> out.printf(Locale.ROOT, "  %-50s %8.3f ms%n", kind,
                cpu.toNanos() / 1e6 / complaints));
        out.printf(Locale.ROOT, "%nJava threads' %.3f ms per complaint by step (JFR execution samples: %d; "
                + "stage / part)%n", javaMs, samples);
        print(out, steps.entrySet().stream()
                .map(step -> Map.entry(step.getKey().stage() + " / " + step.getKey().part(), step.getValue()))
                .toList(), javaMs);
        out.printf(Locale.ROOT, "%nBy stage%n");
        Map<String, Integer> stages = new HashMap<>();
        steps.forEach((step, count) -> stages.merge(step.stage(), count, Integer::sum));
        print(out, List.copyOf(stages.entrySet()), javaMs);
        out.printf(Locale.ROOT, "%nBy the innermost class of the project's own on the stack (none: libraries only)%n");
        print(out, List.copyOf(projectClasses.entrySet()), javaMs);
        out.printf(Locale.ROOT, "%nThe embedded ledger database (H2), all stages, by what it was doing%n");
        print(out, List.copyOf(ledgerWork.entrySet()), javaMs);
    }

    private void print(PrintStream out, List<Map.Entry<String, Integer>> rows, double javaMs) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(rows);
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Integer> row : sorted) {
            double share = samples == 0 ? 0 : (double) row.getValue() / samples;
            out.printf(Locale.ROOT, "  %-66s %6d %5.1f%% %8.3f ms%n", row.getKey(), row.getValue(), share * 100,
                    share * javaMs);
        }
    }

    private void count(RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return;
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
        }
        String thread = event.getThread("sampledThread") == null ? ""
                : String.valueOf(event.getThread("sampledThread").getJavaName());
        samples++;
        steps.merge(ProfileSteps.of(thread, frames), 1, Integer::sum);
        projectClasses.merge(ProfileSteps.projectClass(frames).orElse("(none)"), 1, Integer::sum);
        ProfileSteps.ledgerWork(frames).ifPresent(work -> ledgerWork.merge(work, 1, Integer::sum));
    }
}
