package cn.consumerexchange.gateway.drill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash drill, short in every {@code mvn verify} and full with {@code -Pdrill} (see {@link DrillSettings} and
 * docs/crash-drill.md). Prints the reconciliation, keeps it in the run directory as {@code reconciliation.txt}, then
 * holds the gateway to its promise: nothing acknowledged is lost, nothing is left waiting, nothing failed for good,
 * and whatever arrives twice carries the same idempotency key both times. With a standalone broker
 * ({@code -Ddrill.broker=external}) the same holds through a kill of the broker as well.
 */
@Tag("drill")
class CrashDrillIT {

    @Test
    void everyAcknowledgedComplaintIsDeliveredThroughKillsAndAnOutage() throws Exception {
        String run = CrashDrill.newRunName();
        DrillSettings settings = DrillSettings.fromSystemProperties(run);
        Reconciliation result = new CrashDrill(settings, run, System.out).run();

        ByteArrayOutputStream table = new ByteArrayOutputStream();
        try (PrintStream copy = new PrintStream(table, true, StandardCharsets.UTF_8)) {
            result.print(copy);
        }
        System.out.print(table.toString(StandardCharsets.UTF_8));
        Files.write(settings.runDirectory().resolve("reconciliation.txt"), table.toByteArray());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(result.kills()).as("kills during the load").isGreaterThanOrEqualTo(2);
            result.brokerKills().ifPresent(brokerKills -> softly.assertThat(brokerKills)
                    .as("kills of the standalone broker during the load").isEqualTo(1));
            softly.assertThat(result.unanswered()).as("complaints never answered").isZero();
            softly.assertThat(result.rejected()).as("complaints rejected").isZero();
            softly.assertThat(result.missing()).as("acknowledged complaints never delivered").isZero();
            softly.assertThat(result.stuck()).as("inbound ledger rows still waiting for delivery").isZero();
            softly.assertThat(result.deliveryFailed()).as("ledger rows DELIVERY_FAILED").isZero();
            softly.assertThat(result.repeatsWithoutSameKey())
                    .as("complaints delivered twice without the same idempotency key").isZero();
        });
    }
}
