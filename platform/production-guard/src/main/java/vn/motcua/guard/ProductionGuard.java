package vn.motcua.guard;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fails the start of any application that is about to run outside development with development secrets or settings
 * (see {@link ProductionChecks}). Development means the dev or test launch mode, or the {@code local} profile that
 * {@code ./motcua} and {@code docker-compose.yml} set for the stack on a developer's machine — never set it in production.
 */
@ApplicationScoped
public class ProductionGuard {

    public static final String LOCAL_PROFILE = "local";

    void refuseDevelopmentSettings(@Observes @Priority(1) StartupEvent started) {
        if (isDevelopment()) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        List<String> violations = ProductionChecks.violations(
                name -> config.getOptionalValue(name, String.class), ProductionGuard::readKey);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("motcua refuses to start in production with development settings:\n  - "
                    + String.join("\n  - ", violations)
                    + "\n(the 'local' profile marks a developer's stack, where these are expected)");
        }
    }

    /** Dev or test launch mode, or the {@code local} profile of a developer's stack: where development secrets belong. */
    public static boolean isDevelopment() {
        return LaunchMode.current().isDevOrTest() || ConfigUtils.getProfiles().contains(LOCAL_PROFILE);
    }

    /** The key text at a location as smallrye-jwt reads it; a remote JWKS is not fetched here. */
    static Optional<String> readKey(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            if (location.startsWith("file:")) {
                return Optional.of(Files.readString(Path.of(location.substring("file:".length()))));
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource.replaceFirst("^/", ""))) {
                if (in != null) {
                    return Optional.of(ProductionChecks.utf8(in.readAllBytes()));
                }
            }
            Path file = Path.of(location);
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT key at " + location, e);
        }
    }
}
