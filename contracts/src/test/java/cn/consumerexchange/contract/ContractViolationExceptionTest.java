package cn.consumerexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContractViolationExceptionTest {

    private static Violation missing(String field) {
        return new Violation(ErrorCode.MISSING_FIELD, "/ExchangeMessage/Complaint/" + field, field + " is required.");
    }

    @Test
    void messageSummarisesASingleViolation() {
        assertThat(new ContractViolationException(missing("Facts"))).hasMessage(
                "1 contract violation: MISSING_FIELD at /ExchangeMessage/Complaint/Facts: Facts is required.");
    }

    @Test
    void messageShowsTheFirstFiveViolationsAndCountsTheRest() {
        List<Violation> violations = IntStream.rangeClosed(1, 7).mapToObj(i -> missing("F" + i)).toList();

        ContractViolationException exception = new ContractViolationException(violations);

        assertThat(exception.getMessage()).startsWith("7 contract violations: MISSING_FIELD at /ExchangeMessage/")
                .contains("F5 is required.").doesNotContain("F6").endsWith("; and 2 more");
        assertThat(exception.violations()).isEqualTo(violations);
    }

    @Test
    void needsAtLeastOneViolation() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractViolationException(List.of()));
    }
}
