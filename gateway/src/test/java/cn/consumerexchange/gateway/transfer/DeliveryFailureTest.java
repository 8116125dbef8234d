package cn.consumerexchange.gateway.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;

import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.jms.JMSException;

class DeliveryFailureTest {

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({ "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT", "408, TRANSIENT",
            "429, TRANSIENT", "400, PERMANENT", "401, PERMANENT", "404, PERMANENT", "409, PERMANENT",
            "422, PERMANENT" })
    void httpAnswersAreSortedByWhetherThePartnerMayTakeTheMessageLater(int status, DeliveryFailure.Kind kind) {
        DeliveryFailure failure = DeliveryFailure.of(new HttpOperationFailedException("http://partner/in", status,
                "status", null, null, "{\"error\":\"detail\"}"));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.reason()).isEqualTo("HTTP " + status + " from the partner: {\"error\":\"detail\"}");
    }

    @Test
    void aTimeoutIsTransient() {
        assertThat(DeliveryFailure.of(new SocketTimeoutException("Read timed out")))
                .isEqualTo(new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT,
                        "SocketTimeoutException: Read timed out"));
    }

    @Test
    void anOpenCircuitIsNotAnAttempt() {
        CircuitBreaker open = CircuitBreaker.ofDefaults("partner");
        open.transitionToOpenState();

        assertThat(DeliveryFailure.of(CallNotPermittedException.createCallNotPermittedException(open)).kind())
                .isEqualTo(DeliveryFailure.Kind.CIRCUIT_OPEN);
    }

    @Test
    void aSendTheBrokerDropsAsADuplicateMeansThePartnerAlreadyHasTheMessage() {
        JMSException duplicate = new JMSException("Duplicate message detected - message will not be routed");
        duplicate.initCause(new ActiveMQDuplicateIdException());

        assertThat(DeliveryFailure.alreadyTaken(new UncategorizedJmsException(duplicate))).isTrue();
        assertThat(DeliveryFailure.alreadyTaken(new UncategorizedJmsException(new JMSException("broker down"))))
                .isFalse();
    }

    @Test
    void aLongAnswerIsCutInTheReason() {
        DeliveryFailure failure = DeliveryFailure.of(new HttpOperationFailedException("http://partner/in", 400,
                "status", null, null, "x".repeat(5_000)));

        assertThat(failure.reason()).hasSize("HTTP 400 from the partner: ".length() + 1_001).endsWith("x…");
    }
}
