package vn.motcua.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code LocalPostgres <data-dir> <port>}: runs a PostgreSQL server from the binaries on Maven Central until this
 * JVM is stopped, for machines that have none. PostgreSQL refuses to run as root, so {@code ./motcua up} only uses
 * this as a normal user and otherwise explains how to get a server.
 */
public final class LocalPostgres {

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".motcua/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5432;
        if ("root".equals(System.getProperty("user.name"))) {
            System.err.println("postgres: PostgreSQL refuses to run as root; install the Debian package (apt-get install "
                    + "postgresql) or run `docker compose up -d postgres`");
            System.exit(1);
        }
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("postgres: " + e.getMessage());
            }
        }));
        System.out.println("postgres: embedded server on 127.0.0.1:" + port + ", data in " + dataDir);
        Thread.currentThread().join();
    }
}
