package cn.consumerexchange.gateway.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes a process has handed to the kernel to write ({@code wchar} of {@code /proc/<pid>/io}, Linux): what its
 * database and broker journal wrote, whether or not the page cache has flushed it yet. Unlike throughput, it hardly
 * moves with the neighbours' load, so it shows a change in what each commit writes within one run per side.
 */
final class ProcessWrites {

    private ProcessWrites() {
    }

    static long total(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("wchar:")) {
                    return Long.parseLong(line.substring("wchar:".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the writes of process " + pid, e);
        }
        throw new IllegalStateException("no wchar in /proc/" + pid + "/io");
    }
}
