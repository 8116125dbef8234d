package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private static Reconciliation withLedger(Map<String, Integer> ledger) {
        FlowFigures none = FlowFigures.reconcile("x", 0, new Acknowledgements(), List.of(), 0, new DeliveryLog());
        return new Reconciliation("test", List.of(none, none), ledger, List.of(), Duration.ZERO, 2,
                OptionalInt.empty());
    }
}
