package cn.consumerexchange.gateway.benchmark;

import java.io.PrintStream;
import java.util.Locale;

/**
 * How many complaints a second the machine's cores allow at the gateway's CPU time per complaint, were the gateway alone
 * on them: as measured, then without the ledger database's share, then also without the JIT compiler's, and for the
 * intake's XML work alone (XSLT, parsing and schema validation, JAXB, the contract's codec). Beside them, the CPU time
 * per complaint the gateway's throughput targets allow: 1,000 complaints a second, and a ratio of 0.2 to the raw
 * broker. A target beyond a line is out of reach by taking away that line's step and those above it.
 *
 * @param cores      the machine's cores
 * @param allMs      the gateway's CPU time per complaint, all its threads
 * @param databaseMs of which the ledger database's steps
 * @param jitMs      of which the JIT compiler's threads
 * @param xmlMs      of which the intake's XML work
 */
record CpuBounds(int cores, double allMs, double databaseMs, double jitMs, double xmlMs) {

    /** Complaints per second the cores allow at {@code ms} of CPU per complaint. */
    double perSecond(double ms) {
        return cores * 1000.0 / ms;
    }

    /** The CPU time per complaint that {@code perSecond} complaints a second allow on the cores. */
    double msAllowed(double perSecond) {
        return cores * 1000.0 / perSecond;
    }

    /**
     * @param measured complaints per second the gateway did in the same window
     * @param raw      messages per second the raw broker did in the same run
     */
    void print(PrintStream out, double measured, double raw) {
        out.printf(Locale.ROOT, "What the CPU allows on %d cores, were the gateway alone on them:%n%-62s %12s %14s%n",
                cores, "", "ms/complaint", "complaints/s");
        line(out, "as measured (%.0f/s measured)".formatted(measured), allMs);
        line(out, "without the ledger database (%.3f ms)".formatted(databaseMs), allMs - databaseMs);
        line(out, "and without the JIT compiler (%.3f ms)".formatted(jitMs), allMs - databaseMs - jitMs);
        line(out, "the intake's XML work alone", xmlMs);
        line(out, "1,000 complaints/s allows", msAllowed(1000));
        line(out, "a ratio of 0.2 to the raw broker (%.0f/s) allows".formatted(0.2 * raw), msAllowed(0.2 * raw));
    }

    private void line(PrintStream out, String what, double ms) {
        out.printf(Locale.ROOT, "  %-60s %12.3f %14.0f%n", what, ms, perSecond(ms));
    }
}
