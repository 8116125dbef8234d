package cn.consumerexchange.gateway.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deployment artefact works: the jar the build packaged starts with {@code java -jar} (Spring Boot's nested jar,
 * where class path resources are {@code jar:nested:} URLs) and takes a complaint over HTTP.
 */
class GatewayJarIT {

    private static final String SHANGHAI_TOKEN = "jar-it-sh-token";

    @Test
    void thePackagedJarStartsAndAcceptsAComplaint() throws Exception {
        String run = CrashDrill.newRunName();
        Path directory = Path.of("target", "jar-it", run).toAbsolutePath();
        int port = FreePort.find();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.artemis.embedded.data-directory=" + directory.resolve("broker"),
                "--exchange.broker.tcp-host=127.0.0.1",
                "--exchange.broker.tcp-port=" + FreePort.find(),
                "--exchange.simulator.enabled=false",
                "--exchange.simulator.base-url=http://127.0.0.1:" + FreePort.find(),
                "--exchange.partner-tokens.SH=" + SHANGHAI_TOKEN,
                "--exchange.batch-root=" + directory.resolve("batch")));
        arguments.addAll(LedgerDatabase.h2(directory.resolve("ledger")).gatewayArguments());
        DrillComplaints complaints = new DrillComplaints(run);

        try (GatewayProcess gateway = new GatewayProcess(DrillSettings.packagedJar(), List.of(), arguments, Map.of(),
                directory, port)) {
            gateway.start(Duration.ofMinutes(3));

            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(gateway.uri("/api/partners/SH/messages"))
                            .header("Content-Type", "application/json")
                            .header("X-Partner-Token", SHANGHAI_TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(complaints.fromShanghai(1)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).as("HTTP status").isEqualTo(202);
            JsonNode acknowledgement = new ObjectMapper().readTree(answer.body());
            assertThat(acknowledgement.path("msgType").asText()).isEqualTo("ACK");
            assertThat(acknowledgement.path("ack").path("forMsgId").asText())
                    .isEqualTo(complaints.shanghaiMessageId(1));
            assertThat(acknowledgement.path("ack").path("gatewayRef").asText()).startsWith("GW-");

            gateway.stop(Duration.ofSeconds(60));
            assertThat(gateway.isAlive()).as("stopped").isFalse();
        }
    }
}
