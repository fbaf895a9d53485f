package vn.motcua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL database for a {@code @QuarkusTest} run.
 *
 * <p>With a Docker engine: a Testcontainers PostgreSQL. Without one (the usual case on CI here): the server at
 * {@code MOTCUA_TEST_PG_HOST:MOTCUA_TEST_PG_PORT} (default 127.0.0.1:5432, user postgres, empty password), in a
 * database created for this run only and dropped at its end, so runs never see each other's rows.
 * Neither available → a one-line error that says what to start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private PostgreSQLContainer container;
    private String adminUrl;
    private String database;
    private String user;
    private String password;

    @Override
    public Map<String, String> start() {
        if (dockerWanted() && dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            return Map.of(
                    "quarkus.datasource.jdbc.url", container.getJdbcUrl(),
                    "quarkus.datasource.username", container.getUsername(),
                    "quarkus.datasource.password", container.getPassword());
        }
        String host = env("MOTCUA_TEST_PG_HOST", "127.0.0.1");
        String port = env("MOTCUA_TEST_PG_PORT", "5432");
        user = env("MOTCUA_TEST_PG_USER", "postgres");
        password = env("MOTCUA_TEST_PG_PASSWORD", "");
        adminUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        database = "motcua_test_" + service() + "_" + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            dropAbandoned(statement);
            statement.execute("create database " + database + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: no Docker engine, and " + adminUrl + " as '" + user
                    + "' answered: " + e.getMessage() + ". Start the local server (see README, 'Prerequisites') "
                    + "or set MOTCUA_TEST_PG_HOST/PORT/USER/PASSWORD.", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            return;
        }
        if (database == null || "true".equals(System.getenv("MOTCUA_TEST_KEEP_DB"))) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + database + ": " + e.getMessage());
        }
    }

    /** Databases of runs that were killed before they could drop theirs: older than a day, named by us. */
    private static void dropAbandoned(Statement statement) throws SQLException {
        String dayAgo = LocalDateTime.now().minusDays(1).format(STAMP);
        java.util.List<String> abandoned = new java.util.ArrayList<>();
        try (java.sql.ResultSet names = statement.executeQuery(
                "select datname from pg_database where datname like 'motcua\\_test\\_%'")) {
            while (names.next()) {
                java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("_(\\d{12})_[0-9a-f]+$").matcher(names.getString(1));
                if (stamp.find() && stamp.group(1).compareTo(dayAgo) < 0) {
                    abandoned.add(names.getString(1));
                }
            }
        }
        for (String name : abandoned) {
            statement.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The service under test, for a readable database name: the Maven module's directory name. */
    private static String service() {
        String dir = System.getProperty("user.dir", "x");
        String name = dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.replaceAll("[^a-z0-9]", "_").replace("_service", "");
    }

    private static boolean dockerWanted() {
        return !"false".equalsIgnoreCase(System.getenv("MOTCUA_TEST_DOCKER"));
    }

    private static boolean dockerAvailable() {
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null) {
            return false; // no engine to ask: skip Testcontainers' noisy probing
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
