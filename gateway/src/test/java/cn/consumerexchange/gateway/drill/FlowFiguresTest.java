package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The drill's judgement: what counts as missing, as delivered twice, and as a repeat the receiver can recognise. */
class FlowFiguresTest {

    private final Acknowledgements answers = new Acknowledgements();
    private final DeliveryLog received = new DeliveryLog();

    @Test
    void anAcknowledgedMessageNeverDeliveredIsMissing() {
        answers.accepted("A", "GW-1");
        answers.accepted("B", "GW-2");
        received.delivered("A", "k-A", null);

        FlowFigures figures = reconcile();

        assertThat(figures.deliveredOnce()).isEqualTo(1);
        assertThat(figures.missing()).isEqualTo(1);
        assertThat(figures.missingExamples()).containsExactly("B");
    }

    @Test
    void twoDeliveriesWithOneKeyAreARecognisableRepeat() {
        answers.accepted("A", "GW-1");
        answers.accepted("B", "GW-2");
        received.delivered("A", "SZ:A", null);
        received.delivered("A", "SZ:A", null);
        received.delivered("B", "SZ:B", null);
        received.delivered("B", null, null);

        FlowFigures figures = reconcile();

        assertThat(figures.deliveredMoreThanOnce()).isEqualTo(2);
        assertThat(figures.repeatsWithSameKey()).isEqualTo(1);
        assertThat(figures.missing()).isZero();
    }

    @Test
    void theSameBrokerMessageHandedToTheConsumerAgainIsNotASecondDelivery() {
        answers.accepted("A", "GW-1");
        received.delivered("A", null, "ID:1");
        received.delivered("A", null, "ID:1");

        FlowFigures figures = reconcile();

        assertThat(figures.deliveredOnce()).isEqualTo(1);
        assertThat(figures.deliveredMoreThanOnce()).isZero();
        assertThat(figures.consumerRedeliveries()).isEqualTo(1);
    }

    @Test
    void aResendAcceptedUnderAnotherReferenceIsCounted() {
        answers.accepted("A", "GW-1");
        answers.accepted("A", "GW-1");
        answers.accepted("A", "GW-9");
        received.delivered("A", "k", null);

        FlowFigures figures = reconcile();

        assertThat(figures.acknowledged()).isEqualTo(1);
        assertThat(figures.otherReference()).isEqualTo(1);
    }

    @Test
    void aComplaintDeliveredButNeverAcknowledgedIsToldFromTheGatewaysOwnMessages() {
        answers.accepted("A", "GW-1");
        answers.rejected("R", "REJECTED");
        received.delivered("A", "k-A", null);
        received.delivered("R", "k-R", null);
        received.delivered("U", "k-U", null);
        received.delivered("RELATED:GW-1:GW-2", "k-N", null);

        FlowFigures figures = FlowFigures.reconcile("SZ->SH", 3, answers, List.of("U"), 0, received);

        assertThat(figures.deliveredUnacknowledged()).as("R and U, which the drill sent").isEqualTo(2);
        assertThat(figures.gatewayMessages()).as("the notice, which it did not").isEqualTo(1);
    }

    private FlowFigures reconcile() {
        return FlowFigures.reconcile("SZ->SH", 2, answers, List.of(), 0, received);
    }
}
