package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Which ledger rows the drill calls stuck or failed at the end of a run. */
class ReconciliationTest {

    @Test
    void inboundRowsStillWaitingForDeliveryAreStuck() {
        Reconciliation result = withLedger(Map.of("IN ACCEPTED", 1, "IN DELIVERING", 2, "IN AWAITING_RETRY", 3,
                "IN DELIVERED", 100, "OUT DELIVERED", 100, "IN REJECTED", 4));

        assertThat(result.stuck()).isEqualTo(6);
        assertThat(result.deliveryFailed()).isZero();
    }

    @Test
    void failedDeliveriesCountInEitherDirection() {
        Reconciliation result = withLedger(Map.of("IN DELIVERY_FAILED", 2, "OUT DELIVERY_FAILED", 1));

        assertThat(result.deliveryFailed()).isEqualTo(3);
        assertThat(result.stuck()).isZero();
    }

    @Test
    void theDeliveryIndexCheckIsPrintedAsItCameOut() {
        assertThat(printed(Optional.of(List.of()))).contains("delivery index (ix_ledger_message_due) against the "
                + "table: agrees");
        assertThat(printed(Optional.of(List.of("DELIVERING: 1 through the index, 0 in the table"))))
                .contains("DELIVERY INDEX DISAGREES WITH THE TABLE: DELIVERING: 1 through the index, 0 in the table");
        assertThat(printed(Optional.empty())).contains("delivery index against the table: not checked (PostgreSQL)");
    }

    private static String printed(Optional<List<String>> dueIndexDisagreements) {
        FlowFigures none = FlowFigures.reconcile("x", 0, new Acknowledgements(), List.of(), 0, new DeliveryLog());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new Reconciliation("test", List.of(none, none), Map.of(), dueIndexDisagreements, Duration.ZERO, 2,
                OptionalInt.empty()).print(new PrintStream(text, true, StandardCharsets.UTF_8));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static Reconciliation withLedger(Map<String, Integer> ledger) {
        FlowFigures none = FlowFigures.reconcile("x", 0, new Acknowledgements(), List.of(), 0, new DeliveryLog());
        return new Reconciliation("test", List.of(none, none), ledger, Optional.of(List.of()), Duration.ZERO, 2,
                OptionalInt.empty());
    }
}
