package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.consumerexchange.gateway.ledger.DeliveryLedger.Attempts;
import cn.consumerexchange.gateway.partner.DeliveryPolicy;

class RetryPlanTest {

    static final OffsetDateTime ACCEPTED = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    static final DeliveryPolicy POLICY = new DeliveryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofHours(24), Duration.ofSeconds(30));
    static final DeliveryFailure PARTNER_DOWN = DeliveryFailure.of(new ConnectException("Connection refused"));

    static Attempts attempts(int made) {
        return new Attempts(made, null, ACCEPTED);
    }

    @Nested
    class TransientFailure {

        @Test
        void isRetriedAfterABackOffThatDoublesWithEveryAttempt() {
            OffsetDateTime now = ACCEPTED.plusMinutes(1);

            assertThat(RetryPlan.after(PARTNER_DOWN, POLICY, attempts(1), now))
                    .isEqualTo(new RetryPlan.RetryAt(now.plusSeconds(1),
                            "Attempt 1 failed: ConnectException: Connection refused", true));
            assertThat(((RetryPlan.RetryAt) RetryPlan.after(PARTNER_DOWN, POLICY, attempts(4), now)).at())
                    .isEqualTo(now.plusSeconds(8));
        }

        @Test
        void waitsNoLongerThanTheLongestBackOff() {
            OffsetDateTime now = ACCEPTED.plusHours(2);

            assertThat(((RetryPlan.RetryAt) RetryPlan.after(PARTNER_DOWN, POLICY, attempts(40), now)).at())
                    .isEqualTo(now.plusMinutes(5));
        }

        @Test
        void failsWhenTheNextAttemptWouldFallPastTheHorizon() {
            OffsetDateTime now = ACCEPTED.plusHours(24).minusMinutes(1);

            RetryPlan plan = RetryPlan.after(PARTNER_DOWN, POLICY, attempts(300), now);

            assertThat(plan).isInstanceOf(RetryPlan.Fail.class);
            assertThat(((RetryPlan.Fail) plan).reason()).startsWith("Gave up after 300 attempts")
                    .endsWith("ConnectException: Connection refused");
        }

        @Test
        void countsTheHorizonFromAnOperatorsRetryWhenThereWasOne() {
            OffsetDateTime operatorRetried = ACCEPTED.plusDays(3);
            Attempts afterRetry = new Attempts(1, operatorRetried.plusHours(24), ACCEPTED);

            assertThat(RetryPlan.after(PARTNER_DOWN, POLICY, afterRetry, operatorRetried.plusMinutes(1)))
                    .isInstanceOf(RetryPlan.RetryAt.class);
        }
    }

    @Test
    void permanentFailureFailsAtOnce() {
        DeliveryFailure refused = DeliveryFailure.of(new IllegalArgumentException("yrd-json does not carry EVIDENCE"));

        assertThat(RetryPlan.after(refused, POLICY, attempts(1), ACCEPTED)).isEqualTo(new RetryPlan.Fail(
                "Cannot be written in the partner's format: IllegalArgumentException: yrd-json does not carry EVIDENCE"));
    }

    @Test
    void openCircuitDefersByTheOpenWaitWithoutCountingAnAttempt() {
        DeliveryFailure open = new DeliveryFailure(DeliveryFailure.Kind.CIRCUIT_OPEN, DeliveryErrorCode.CIRCUIT_OPEN,
                "open", "circuit open");

        assertThat(RetryPlan.after(open, POLICY, attempts(1), ACCEPTED))
                .isEqualTo(new RetryPlan.RetryAt(ACCEPTED.plusSeconds(30), "open", false));
    }

    @Test
    void unknownFailuresAreTreatedAsTransient() {
        assertThat(DeliveryFailure.of(new IOException("Broken pipe")).kind())
                .isEqualTo(DeliveryFailure.Kind.TRANSIENT);
    }
}
