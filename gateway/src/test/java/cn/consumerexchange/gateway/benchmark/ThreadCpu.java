package cn.consumerexchange.gateway.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of a process and of its threads, read from {@code /proc} (Linux): the process's own figure, and a snapshot
 * of every live thread's, so that the difference of two snapshots says what the JVM's own threads (garbage collector,
 * JIT compiler, JFR) took beside the application's.
 */
final class ThreadCpu {

    static final String JIT_COMPILER = "JIT compiler";

    /** The JVM's own threads, by the start of the name the JVM gives them (at most 15 characters in /proc). */
    private static final List<Map.Entry<String, String>> JVM_THREADS = List.of(
            Map.entry("GC Thread", "garbage collector"),
            Map.entry("G1 ", "garbage collector"),
            Map.entry("C1 CompilerThre", JIT_COMPILER),
            Map.entry("C2 CompilerThre", JIT_COMPILER),
            Map.entry("JFR ", "JFR"),
            Map.entry("VM ", "other JVM threads"),
            Map.entry("Service Thread", "other JVM threads"),
            Map.entry("Sweeper thread", "other JVM threads"),
            Map.entry("Attach Listener", "other JVM threads"));
    static final String JAVA_THREADS = "Java threads";
    static final String EXITED = "threads that ended in the window";

    /** Clock ticks per second of /proc's figures (USER_HZ), 100 on every Linux the gateway runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** The process's CPU time, user and system, every thread it ever had included. */
    static Duration total(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /** CPU ticks of each live thread, by thread id. */
    static Map<String, ThreadTime> snapshot(long pid) {
        Map<String, ThreadTime> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> read(task).ifPresent(thread -> threads.put(task.getFileName().toString(), thread)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid, e);
        }
        return threads;
    }

    /**
     * CPU time by kind of thread between two snapshots; what the process took beyond its live threads' (threads that
     * ended in between) goes to {@link #EXITED}.
     */
    static Map<String, Duration> byKind(Map<String, ThreadTime> before, Map<String, ThreadTime> after,
            Duration processTotal) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        long all = 0;
        for (Map.Entry<String, ThreadTime> thread : after.entrySet()) {
            ThreadTime earlier = before.get(thread.getKey());
            long delta = thread.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            ticks.merge(kind(thread.getValue().name()), delta, Long::sum);
            all += delta;
        }
        Map<String, Duration> kinds = new LinkedHashMap<>();
        ticks.forEach((kind, value) -> kinds.put(kind, toDuration(value)));
        Duration rest = processTotal.minus(toDuration(all));
        if (!rest.isNegative()) {
            kinds.put(EXITED, rest);
        }
        return kinds;
    }

    static String kind(String threadName) {
        return JVM_THREADS.stream().filter(prefix -> threadName.startsWith(prefix.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(JAVA_THREADS);
    }

    /** A thread's name and its user plus system CPU ticks. */
    record ThreadTime(String name, long ticks) {
    }

    private static Optional<ThreadTime> read(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // "tid (name) state ppid ...": the name may hold spaces and parentheses, so it ends at the last ')'.
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // After the name: state is field 3 of stat(5), utime 14 and stime 15.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(new ThreadTime(stat.substring(open + 1, close), ticks));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Duration toDuration(long ticks) {
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }
}
