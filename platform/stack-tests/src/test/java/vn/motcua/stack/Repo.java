package vn.motcua.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository this build runs in, and what its configuration files say. */
final class Repo {

    static final List<String> APPLICATIONS = List.of("dossier-service", "appointment-service", "payment-service",
            "postal-delivery-service", "notification-service", "gateway");

    static final Path ROOT = locateRoot();

    private Repo() {
    }

    static String read(String relative) {
        try {
            return Files.readString(ROOT.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String properties(String application) {
        return read(application + "/src/main/resources/application.properties");
    }

    /** {@code quarkus.http.port=${MOTCUA_HTTP_PORT:8081}} → 8081. */
    static int defaultPort(String application) {
        return Integer.parseInt(find(properties(application), "(?m)^quarkus\\.http\\.port=\\$\\{MOTCUA_HTTP_PORT:(\\d+)}")
                .orElseThrow(() -> new AssertionError(application + " has no quarkus.http.port=${MOTCUA_HTTP_PORT:<port>}")));
    }

    static Optional<String> defaultDatabase(String application) {
        return find(properties(application), "(?m)^quarkus\\.datasource\\.jdbc\\.url=jdbc:postgresql://[^/]+/([a-z_]+)");
    }

    static Optional<String> find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static Path locateRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("motcua"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the directory holding ./motcua)");
        }
        return dir;
    }
}
