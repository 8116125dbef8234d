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
    @CsvSource({ "500, TRANSIENT, PARTNER_UNAVAILABLE", "502, TRANSIENT, PARTNER_UNAVAILABLE",
            "503, TRANSIENT, PARTNER_UNAVAILABLE", "504, TRANSIENT, PARTNER_UNAVAILABLE",
            "408, TRANSIENT, PARTNER_UNAVAILABLE", "429, TRANSIENT, PARTNER_UNAVAILABLE",
            "400, PERMANENT, PARTNER_REFUSED", "401, PERMANENT, PARTNER_REFUSED", "404, PERMANENT, PARTNER_REFUSED",
            "409, PERMANENT, PARTNER_REFUSED", "422, PERMANENT, PARTNER_REFUSED" })
    void httpAnswersAreSortedByWhetherThePartnerMayTakeTheMessageLater(int status, DeliveryFailure.Kind kind,
            DeliveryErrorCode code) {
        DeliveryFailure failure = DeliveryFailure.of(new HttpOperationFailedException("http://partner/in", status,
                "status", null, null, "{\"error\":\"detail\"}"));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.reason()).isEqualTo("HTTP " + status + " from the partner: {\"error\":\"detail\"}");
        assertThat(failure.detail()).as("without the answer").isEqualTo("HTTP " + status);
    }

    @Test
    void aTimeoutIsTransient() {
        assertThat(DeliveryFailure.of(new SocketTimeoutException("Read timed out")))
                .isEqualTo(new DeliveryFailure(DeliveryFailure.Kind.TRANSIENT, DeliveryErrorCode.PARTNER_UNREACHABLE,
                        "SocketTimeoutException: Read timed out", "SocketTimeoutException"));
    }

    @Test
    void theDetailNamesTheKindsOfExceptionAndNeverTheirText() {
        DeliveryFailure failure = DeliveryFailure.of(new IllegalStateException("wrapped 张三 13800000000",
                new java.net.ConnectException("Connection refused to 张三")));

        assertThat(failure.detail()).isEqualTo("IllegalStateException caused by ConnectException");
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
