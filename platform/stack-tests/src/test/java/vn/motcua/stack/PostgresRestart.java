package vn.motcua.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL outage under the running services. Where this machine's server is a Debian cluster we may control
 * (root, pg_ctlcluster), it is really restarted; otherwise the stack's databases refuse connections for a few
 * seconds and every open connection to them is terminated, which is what the services see of a restart.
 */
final class PostgresRestart {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final List<String> DATABASES = List.of("motcua_dossier", "motcua_appointment", "motcua_payment",
            "motcua_delivery", "motcua_notification");

    private PostgresRestart() {
    }

    /** Performs the outage and says which kind it was. */
    static String restart(String databaseSuffix) throws Exception {
        Optional<String[]> cluster = debianClusterOn5432();
        if (cluster.isPresent() && "root".equals(System.getProperty("user.name"))) {
            String[] c = cluster.get();
            Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", c[0], c[1], "restart")
                    .redirectErrorStream(true).start();
            String out = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!restart.waitFor(2, TimeUnit.MINUTES) || restart.exitValue() != 0) {
                throw new AssertionError("pg_ctlcluster " + c[0] + " " + c[1] + " restart failed: " + out);
            }
            return "restarted the server (pg_ctlcluster " + c[0] + " " + c[1] + " restart)";
        }
        try (Connection admin = DriverManager.getConnection(URL, "postgres", "");
             Statement sql = admin.createStatement()) {
            for (String database : DATABASES) {
                sql.execute("alter database " + database + databaseSuffix + " allow_connections false");
                sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + databaseSuffix + "'");
            }
            Thread.sleep(5_000);
            for (String database : DATABASES) {
                sql.execute("alter database " + database + databaseSuffix + " allow_connections true");
            }
        }
        return "no controllable server: refused connections for 5 s and terminated every connection of the stack";
    }

    /** {version, name} of the Debian cluster listening on 5432, if pg_lsclusters knows one. */
    private static Optional<String[]> debianClusterOn5432() {
        try {
            Process list = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
            String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!list.waitFor(30, TimeUnit.SECONDS) || list.exitValue() != 0) {
                return Optional.empty();
            }
            return out.lines().map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length >= 4 && f[2].equals("5432") && f[3].startsWith("online"))
                    .map(f -> new String[] {f[0], f[1]}).findFirst();
        } catch (IOException | InterruptedException e) {
            return Optional.empty();
        }
    }
}
