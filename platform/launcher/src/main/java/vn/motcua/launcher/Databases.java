package vn.motcua.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * {@code Databases <host> <port> <user> <password> <db>...}: checks that PostgreSQL answers and creates each
 * service database that is missing. Exit 0 when all exist; 1 with a one-line reason otherwise. Used by
 * {@code ./motcua up}; the password may be "-" for none. {@code --recreate} first drops them (only ever used for the
 * suffixed databases of the packaged-stack test).
 */
public final class Databases {

    public static void main(String[] arguments) {
        boolean recreate = arguments.length > 0 && arguments[0].equals("--recreate");
        String[] args = recreate ? Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
        if (args.length < 5) {
            System.err.println("usage: Databases <host> <port> <user> <password|-> <database>...");
            System.exit(2);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres?connectTimeout=5";
        String password = "-".equals(args[3]) ? "" : args[3];
        try (Connection connection = DriverManager.getConnection(url, args[2], password)) {
            for (String database : Arrays.copyOfRange(args, 4, args.length)) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("invalid database name " + database);
                }
                if (recreate) {
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("drop database if exists " + database + " with (force)");
                    }
                }
                if (!exists(connection, database)) {
                    try (Statement create = connection.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8' template template0");
                    }
                    System.out.println("created database " + database);
                }
            }
        } catch (SQLException e) {
            System.err.println("PostgreSQL at " + args[0] + ":" + args[1] + " as '" + args[2] + "': " + firstLine(e.getMessage()));
            System.exit(1);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.split("\n")[0];
    }
}
