package cn.consumerexchange.gateway.ledger.chain;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.consumerexchange.gateway.CommandOptions;
import cn.consumerexchange.gateway.ledger.chain.ChainVerification.Break;

/**
 * Verifies the ledger chain of a database without starting the gateway (no broker, no Flyway), for a stopped
 * gateway's H2 file or a PostgreSQL ledger. Exits 0 when intact, 1 with the first broken entry, 2 on wrong arguments.
 * The command line is in README.md, "Verifying the ledger".
 */
public final class LedgerVerifyCommand {

    private static final String USAGE = "--url=<JDBC URL> [--user=sa] [--password=] "
            + "[--public-key=data/ledger-signing.pub]";

    private LedgerVerifyCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = CommandOptions.parse(args, Map.of("user", "sa", "password", "",
                "public-key", "data/ledger-signing.pub"), USAGE);
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
}
