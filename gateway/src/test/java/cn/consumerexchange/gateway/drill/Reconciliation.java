package cn.consumerexchange.gateway.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The outcome of a crash drill: both directions reconciled at their receivers, and the ledger as the gateway left it.
 * {@link #print} writes the table the drill is read by (docs/crash-drill.md explains it); the figures the short
 * drill asserts have methods of their own.
 *
 * @param title  one line saying what was done: load, kills, outage, database
 * @param flows  Shenzhen to Shanghai, and Shanghai to Shenzhen
 * @param ledger ledger rows by "direction state", read from the database after the gateway stopped
 * @param dueIndexDisagreements where the delivery index counts waiting rows otherwise than the table; empty where
 *                not checked (PostgreSQL; see {@link LedgerDatabase#dueIndexDisagreements}). Reported, not a failure of
 *                the drill, whose verdict reads the table
 * @param elapsed from the first start of the gateway to its last stop
 * @param kills   how many times the gateway was killed with SIGKILL
 * @param brokerKills how many times the standalone broker was killed with SIGKILL; empty when the broker was the
 *                gateway's embedded one, which died with every kill of the gateway
 */
record Reconciliation(String title, List<FlowFigures> flows, Map<String, Integer> ledger,
        Optional<List<String>> dueIndexDisagreements, Duration elapsed, int kills, OptionalInt brokerKills) {

    /** Inbound rows in these states still wait for delivery: at the end of a drill they are stuck. */
    static final Set<String> WAITING = Set.of("ACCEPTED", "DELIVERING", "AWAITING_RETRY");

    int missing() {
        return total(FlowFigures::missing);
    }

    int rejected() {
        return total(FlowFigures::rejected);
    }

    int unanswered() {
        return total(FlowFigures::unanswered);
    }

    int acknowledged() {
        return total(FlowFigures::acknowledged);
    }

    /** Complaints delivered more than once whose copies did not all carry one idempotency key or duplicate id. */
    int repeatsWithoutSameKey() {
        return total(flow -> flow.deliveredMoreThanOnce() - flow.repeatsWithSameKey());
    }

    /** Inbound ledger rows still waiting for delivery. */
    int stuck() {
        return WAITING.stream().mapToInt(state -> ledger.getOrDefault("IN " + state, 0)).sum();
    }

    /** Ledger rows, either direction, whose delivery failed for good. */
    int deliveryFailed() {
        return ledger.getOrDefault("IN DELIVERY_FAILED", 0) + ledger.getOrDefault("OUT DELIVERY_FAILED", 0);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%n== %s ==%n", title);
        row(out, "", flows.get(0).name(), flows.get(1).name(), "total");
        row(out, "complaints sent", FlowFigures::sent);
        row(out, "acknowledged ACCEPTED", FlowFigures::acknowledged);
        row(out, "rejected", FlowFigures::rejected);
        row(out, "never answered", FlowFigures::unanswered);
        row(out, "sent again by the partner", FlowFigures::resends);
        row(out, "accepted again under another reference", FlowFigures::otherReference);
        row(out, "delivered once", FlowFigures::deliveredOnce);
        row(out, "delivered more than once", FlowFigures::deliveredMoreThanOnce);
        row(out, "  of which every copy had the same key", FlowFigures::repeatsWithSameKey);
        row(out, "MISSING: acknowledged, never delivered", FlowFigures::missing);
        row(out, "delivered, never acknowledged", FlowFigures::deliveredUnacknowledged);
        row(out, "the gateway's own messages delivered", FlowFigures::gatewayMessages);
        row(out, "redelivered to the drill's consumer", FlowFigures::consumerRedeliveries);
        row(out, "deliveries with no readable message id", FlowFigures::unreadable);
        out.println("ledger rows after the gateway stopped (ledger_message, direction and state):");
        if (ledger.isEmpty()) {
            out.println("  (none)");
        }
        ledger.forEach((state, rows) -> out.printf(Locale.ROOT, "  %-40s %8d%n", state, rows));
        out.printf(Locale.ROOT, "stuck (IN rows ACCEPTED, DELIVERING or AWAITING_RETRY): %d; DELIVERY_FAILED: %d%n",
                stuck(), deliveryFailed());
        out.println(dueIndexDisagreements.map(disagreements -> disagreements.isEmpty()
                        ? "delivery index (ix_ledger_message_due) against the table: agrees"
                        : "DELIVERY INDEX DISAGREES WITH THE TABLE: " + String.join("; ", disagreements))
                .orElse("delivery index against the table: not checked (PostgreSQL)"));
        out.printf(Locale.ROOT, "elapsed %dm %02ds, gateway killed %d times%s%n", elapsed.toMinutes(),
                elapsed.toSecondsPart(), kills, brokerKills.isPresent()
                        ? String.format(Locale.ROOT, ", broker killed %d times", brokerKills.getAsInt())
                        : "");
        flows.stream().filter(flow -> !flow.missingExamples().isEmpty()).forEach(flow -> out.printf(Locale.ROOT,
                "missing %s, e.g.: %s%n", flow.name(), String.join(", ", flow.missingExamples())));
        out.println();
        out.flush();
    }

    private int total(ToIntFunction<FlowFigures> figure) {
        return flows.stream().mapToInt(figure).sum();
    }

    private void row(PrintStream out, String label, ToIntFunction<FlowFigures> figure) {
        row(out, label, String.valueOf(figure.applyAsInt(flows.get(0))),
                String.valueOf(figure.applyAsInt(flows.get(1))), String.valueOf(total(figure)));
    }

    private static void row(PrintStream out, String label, String first, String second, String total) {
        out.printf(Locale.ROOT, "%-42s %16s %16s %8s%n", label, first, second, total);
    }
}
