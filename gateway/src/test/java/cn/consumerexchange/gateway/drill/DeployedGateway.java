package cn.consumerexchange.gateway.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway process as one instance of a deployment runs it (docker-compose.yml): on a standalone broker in native
 * mode, a ledger database it may share with other instances, no simulated partners. Shanghai's deliveries go to the
 * test's own endpoint, named as a deployment names an HTTP partner's URL ({@code exchange.partner-urls.SH}, in the
 * environment {@code EXCHANGE_PARTNER_URLS_SH}); Shenzhen and Shanghai have tokens of the test's. Each instance has
 * its own directory for its logs and working files and its own HTTP port.
 */
final class DeployedGateway {

    private DeployedGateway() {
    }

    /**
     * @param directory        the instance's working directory, where its logs go
     * @param httpPort         its HTTP port on 127.0.0.1
     * @param brokerArguments  how it finds its broker ({@link StandaloneBroker#gatewayArguments})
     * @param ledger           the database it keeps its ledger in
     * @param shanghai         where deliveries to Shanghai go
     * @param shenzhenToken    Shenzhen's token, also its broker password
     * @param shanghaiToken    Shanghai's token
     * @param extra            further application arguments, e.g. shorter timings
     */
    static GatewayProcess process(Path jar, Path directory, int httpPort, List<String> brokerArguments,
            LedgerDatabase ledger, ShanghaiReceiver shanghai, String shenzhenToken, String shanghaiToken,
            List<String> extra) {
        // C1 only: a test's instances start sooner on a shared machine; how fast they run later is not measured here.
        return process(jar, List.of("-XX:TieredStopAtLevel=1"), directory, httpPort, brokerArguments, ledger,
                shanghai, shenzhenToken, shanghaiToken, extra);
    }

    /** As above, with the JVM's options: none for a benchmark, which measures how fast the instance runs. */
    static GatewayProcess process(Path jar, List<String> jvmArgs, Path directory, int httpPort,
            List<String> brokerArguments, LedgerDatabase ledger, ShanghaiReceiver shanghai, String shenzhenToken,
            String shanghaiToken, List<String> extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--exchange.simulator.enabled=false",
                "--exchange.partner-urls.SH=" + shanghai.baseUrl() + ShanghaiReceiver.PATH + "inbox",
                "--exchange.partner-tokens.SZ=" + shenzhenToken,
                "--exchange.partner-tokens.SH=" + shanghaiToken,
                "--exchange.batch-root=" + directory.resolve("batch")));
        arguments.addAll(brokerArguments);
        arguments.addAll(ledger.gatewayArguments());
        arguments.addAll(extra);
        return new GatewayProcess(jar, jvmArgs, arguments, ledger.gatewayEnvironment(), directory, httpPort);
    }
}
