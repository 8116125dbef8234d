package cn.consumerexchange.gateway.conformance;

import java.util.ArrayList;
import java.util.List;

/** What the conformance kit found, check by check (认证报告). Certified when no check failed. */
public final class CertificationReport {

    public enum Outcome {
        PASS, FAIL, INFO
    }

    /**
     * @param partner the partner code the check is about
     * @param check   what was checked, e.g. "complaint in"
     * @param detail  what was seen; for a failure, what is wrong and where
     */
    public record Check(String partner, String check, Outcome outcome, String detail) {
    }

    private final List<Check> checks = new ArrayList<>();

    void pass(String partner, String check, String detail) {
        checks.add(new Check(partner, check, Outcome.PASS, detail));
    }

    void fail(String partner, String check, String detail) {
        checks.add(new Check(partner, check, Outcome.FAIL, detail));
    }

    void info(String partner, String check, String detail) {
        checks.add(new Check(partner, check, Outcome.INFO, detail));
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> failures() {
        return checks.stream().filter(check -> check.outcome() == Outcome.FAIL).toList();
    }

    public boolean certified() {
        return !checks.isEmpty() && failures().isEmpty();
    }

    public String render() {
        StringBuilder text = new StringBuilder("Conformance report\n==================\n");
        for (Check check : checks) {
            text.append(String.format("%-4s %-8s %-40s %s%n", check.outcome(), check.partner(), check.check(),
                    check.detail().replace("\n", "\n" + " ".repeat(55))));
        }
        long failed = failures().size();
        text.append('\n').append(certified()
                ? "CERTIFIED: every check passed."
                : "NOT CERTIFIED: " + failed + " check(s) failed.").append('\n');
        return text.toString();
    }
}
