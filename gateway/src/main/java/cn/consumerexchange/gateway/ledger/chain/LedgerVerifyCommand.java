package cn.consumerexchange.gateway.ledger.chain;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Break;

/**
 * Verifies the ledger chain of a database without starting the gateway (no broker, no Flyway), for a stopped
 * gateway's H2 file or a PostgreSQL ledger. Exits 0 when intact, 1 with the first broken entry, 2 on wrong arguments.
 * The command line is in README.md, "Verifying the ledger".
 */
public final class LedgerVerifyCommand {

    private LedgerVerifyCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("user", "sa", "password", "",
                "public-key", "data/ledger-signing.pub"));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                usage("not --name=value: " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        if (!options.containsKey("url")) {
            usage("--url is required");
        }
        DriverManagerDataSource database = new DriverManagerDataSource(options.get("url"), options.get("user"),
                options.get("password"));
        LedgerChainVerifier verifier = new LedgerChainVerifier(new LedgerSeals(JdbcClient.create(database)),
                CheckpointKeys.loadPublic(Path.of(options.get("public-key"))));
        ChainVerification result = verifier.verify();
        System.out.printf("Ledger chain: %d sealed entries, head row %s, head hash %s, %d checkpoint(s)%n",
                result.sealedEntries(), result.headRowId(), result.headHash(), result.checkpoints());
        if (result.intact()) {
            System.out.println("INTACT");
            System.exit(0);
        }
        Break first = result.firstBreak();
        System.out.printf("BROKEN: first broken entry: row %d (message %s): %s: %s%n", first.rowId(),
                first.messageId(), first.kind(), first.detail());
        result.breaks().stream().skip(1).forEach(more -> System.out.printf("  then row %d (message %s): %s: %s%n",
                more.rowId(), more.messageId(), more.kind(), more.detail()));
        System.exit(1);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Arguments: --url=<JDBC URL> [--user=sa] [--password=] "
                + "[--public-key=data/ledger-signing.pub]");
        System.exit(2);
    }
}
