package cn.consumerexchange.gateway.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CpuBoundsTest {

    /** Two cores at 17.344 ms a complaint, of which the database 8.199, the JIT 3.018, the XML work 2.390. */
    private final CpuBounds bounds = new CpuBounds(2, 17.344, 8.199, 3.018, 2.390);

    @Test
    void theCoresAllowTheirMillisecondsOverTheCpuOfAComplaint() {
        assertThat(bounds.perSecond(17.344)).isCloseTo(115.3, within(0.1));
        assertThat(bounds.msAllowed(1000)).isEqualTo(2.0);
        assertThat(bounds.msAllowed(0.2 * 1711)).isCloseTo(5.845, within(0.001));
    }

    @Test
    void eachLineTakesAwayItsStepAndThoseAbove() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        bounds.print(new PrintStream(text, true, StandardCharsets.UTF_8), 98, 1711);

        assertThat(text.toString(StandardCharsets.UTF_8).lines().map(String::strip))
                .contains("What the CPU allows on 2 cores, were the gateway alone on them:")
                .anyMatch(line -> line.matches("as measured \\(98/s measured\\) +17\\.344 +115"))
                .anyMatch(line -> line.matches("without the ledger database \\(8\\.199 ms\\) +9\\.145 +219"))
                .anyMatch(line -> line.matches("and without the JIT compiler \\(3\\.018 ms\\) +6\\.127 +326"))
                .anyMatch(line -> line.matches("the intake's XML work alone +2\\.390 +837"))
                .anyMatch(line -> line.matches("1,000 complaints/s allows +2\\.000 +1000"))
                .anyMatch(line -> line.matches("a ratio of 0\\.2 to the raw broker \\(342/s\\) allows +5\\.845 +342"));
    }
}
