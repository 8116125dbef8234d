package cn.consumerexchange.gateway.retention;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.consumerexchange.gateway.CommandOptions;
import cn.consumerexchange.gateway.audit.OperatorAudit;

/**
 * Runs retention once against a database without starting the gateway, e.g. before a {@code VACUUM FULL} in a
 * maintenance window. Safe beside a running gateway: a payload is purged once, by whichever run gets to it first.
 * Exits 0 after the run, 2 on wrong arguments. The command line is in README.md, "Retention".
 */
public final class PayloadRetentionCommand {

    private static final String USAGE = "--url=<JDBC URL> [--user=sa] [--password=] [--payloads-after=180d] "
            + "[--archive=<directory>] [--batch-size=100]";

    private PayloadRetentionCommand() {
    }

    public static void main(String[] args) {
        Map<String, String> options = CommandOptions.parse(args, Map.of("user", "sa", "password", "",
                "payloads-after", "180d", "batch-size", "100"), USAGE);
        RetentionSettings settings = new RetentionSettings(true,
                DurationStyle.detectAndParse(options.get("payloads-after")),
                options.containsKey("archive") ? Path.of(options.get("archive")) : null, null,
                Integer.parseInt(options.get("batch-size")), true);
        DriverManagerDataSource database = new DriverManagerDataSource(options.get("url"), options.get("user"),
                options.get("password"));
        PayloadRetention retention = new PayloadRetention(database, new DataSourceTransactionManager(database),
                new OperatorAudit(JdbcClient.create(database), Clock.systemUTC()), null, Clock.systemUTC(), settings);
        PayloadRetention.Outcome outcome = retention.purge();
        System.out.printf("Purged %d ledger and %d quarantined payloads, %d bytes; %d kept for a SHA-256 mismatch%n",
                outcome.ledgerPayloads(), outcome.quarantinedPayloads(), outcome.bytesFreed(),
                outcome.skippedMismatches());
        outcome.archives().forEach(archive -> System.out.println("Archived in " + archive));
        System.exit(0);
    }
}
