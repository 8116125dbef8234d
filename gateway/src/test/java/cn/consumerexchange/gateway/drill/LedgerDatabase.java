package cn.consumerexchange.gateway.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger database of one drill run, fresh for the run: an H2 file under the run directory, or a schema of its own
 * on the machine's PostgreSQL. Tells the gateway where it is, and reads the ledger directly once the gateway stopped:
 * the drill trusts what the gateway wrote, not what its API says.
 */
final class LedgerDatabase {

    /** The H2 URL options of the embedded defaults, in case {@code application.yml} cannot be read. */
    private static final String DEFAULT_H2_OPTIONS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final Pattern H2_URL = Pattern.compile("jdbc:h2:file:[^;\\s}\"']*((?:;[^;\\s}\"']+)*)");
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String description;
    private final String url;
    private final String user;
    private final List<String> gatewayArguments;
    private final Map<String, String> gatewayEnvironment;
    /** The PostgreSQL database made for this run alone, dropped by {@link #drop()}; null otherwise. */
    private final String ownDatabase;

    private LedgerDatabase(String description, String url, String user, List<String> gatewayArguments,
            Map<String, String> gatewayEnvironment) {
        this(description, url, user, gatewayArguments, gatewayEnvironment, null);
    }

    private LedgerDatabase(String description, String url, String user, List<String> gatewayArguments,
            Map<String, String> gatewayEnvironment, String ownDatabase) {
        this.description = description;
        this.url = url;
        this.user = user;
        this.gatewayArguments = gatewayArguments;
        this.gatewayEnvironment = gatewayEnvironment;
        this.ownDatabase = ownDatabase;
    }

    static LedgerDatabase create(String kind, Path runDirectory, String runName) {
        return kind.equals("postgres") ? postgres(runName) : h2(runDirectory.resolve("ledger"));
    }

    /**
     * An H2 file database with the URL options {@code application.yml} gives the embedded defaults, so that any
     * durability option added there is what the drill tests.
     */
    static LedgerDatabase h2(Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + h2Options();
        return new LedgerDatabase("H2 file " + file, url, "sa", List.of("--spring.datasource.url=" + url),
                Map.of());
    }

    /** A fresh schema in the {@code postgres} database at 127.0.0.1:5432 (user postgres, trust), as CI has. */
    static LedgerDatabase postgres(String runName) {
        String schema = "drill_" + runName.replaceAll("[^a-z0-9]", "_");
        String url = POSTGRES + "?currentSchema=" + schema;
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed for "
                    + "-Ddrill.database=postgres", e);
        }
        return new LedgerDatabase("PostgreSQL, schema " + schema, url, "postgres",
                List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.default-schema=" + schema),
                Map.of("SPRING_PROFILES_ACTIVE", "postgres"));
    }

    /**
     * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust), which several gateway
     * processes share as a deployment's instances do; {@link #drop()} removes it.
     */
    static LedgerDatabase freshPostgresDatabase(String runName) {
        String database = "scale_" + runName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        postgresStatement("create database " + database);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + database;
        return new LedgerDatabase("PostgreSQL, database " + database, url, "postgres",
                List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password="),
                Map.of("SPRING_PROFILES_ACTIVE", "postgres"), database);
    }

    /** Drops the database {@link #freshPostgresDatabase} made, whoever is still connected to it. */
    void drop() {
        if (ownDatabase != null) {
            postgresStatement("drop database if exists " + ownDatabase + " with (force)");
        }
    }

    private static void postgresStatement(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed: " + sql, e);
        }
    }

    static String h2Options() {
        try (InputStream in = LedgerDatabase.class.getResourceAsStream("/application.yml")) {
            if (in == null) {
                return DEFAULT_H2_OPTIONS;
            }
            Matcher url = H2_URL.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return url.find() ? url.group(1) : DEFAULT_H2_OPTIONS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String description() {
        return description;
    }

    List<String> gatewayArguments() {
        return gatewayArguments;
    }

    /** The JDBC URL the drill reads the ledger at once the gateway has stopped. */
    String url() {
        return url;
    }

    Map<String, String> gatewayEnvironment() {
        return gatewayEnvironment;
    }

    /**
     * Where the delivery index {@code ix_ledger_message_due (state, due_at)}, which the delivery sweeper and the
     * backlog read, counts the rows of a state waiting for delivery otherwise than the table itself does, one line
     * each; an empty list when they agree. On H2 only, whose {@code USE INDEX} sets the index aside: a stale entry of
     * that index outlived a kill -9 once (docs/crash-drill.md); empty on PostgreSQL, which keeps its indexes in its
     * write-ahead log. Read while no gateway has the database open.
     */
    Optional<List<String>> dueIndexDisagreements() {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        List<String> disagreements = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            for (String state : new TreeSet<>(Reconciliation.WAITING)) {
                int throughIndex = count(connection, "use index (ix_ledger_message_due)", state);
                int inTable = count(connection, "use index ()", state);
                if (throughIndex != inTable) {
                    disagreements.add(state + ": " + throughIndex + " through the index, " + inTable
                            + " in the table");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger at " + url, e);
        }
        return Optional.of(disagreements);
    }

    private static int count(Connection connection, String indexHint, String state) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from ledger_message " + indexHint + " where state = ?")) {
            statement.setString(1, state);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Ledger rows by "direction state", e.g. {@code IN DELIVERED}; read while no gateway has the database open. */
    Map<String, Integer> rowsByDirectionAndState() {
        Map<String, Integer> rows = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select direction, state, count(*) from ledger_message group by direction, state")) {
            while (result.next()) {
                rows.put(result.getString(1) + " " + result.getString(2), result.getInt(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger at " + url, e);
        }
        return rows;
    }
}
