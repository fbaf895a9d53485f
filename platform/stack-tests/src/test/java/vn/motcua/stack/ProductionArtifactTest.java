package vn.motcua.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payment sandbox (a provider that pays, refunds and signs notifications itself) is not in the production
 * artifact: payment-service built with {@code -Pproduction} has none of its classes, while the tested build has them.
 */
class ProductionArtifactTest {

    private static final String SANDBOX = "vn/motcua/payment/sandbox/";

    @Test
    void the_production_build_of_payment_service_carries_no_sandbox_provider() throws Exception {
        Path log = Files.createTempFile("production-build-", ".log");
        Process build = new ProcessBuilder(Repo.ROOT.resolve("mvnw").toString(), "-B", "-q", "-o", "-Pproduction",
                "-pl", "payment-service", "-am", "package", "-Dmaven.test.skip=true")
                .directory(Repo.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(15, TimeUnit.MINUTES)).as("the production build finishes").isTrue();
        assertThat(build.exitValue()).as("production build:\n%s", Files.readString(log)).isZero();

        assertThat(sandboxClasses(Repo.ROOT.resolve("payment-service/target-production/quarkus-app"))).isEmpty();
        assertThat(sandboxClasses(Repo.ROOT.resolve("payment-service/target/quarkus-app")))
                .as("the tested build has the sandbox, so the check above can see it").isNotEmpty();
    }

    private static List<String> sandboxClasses(Path app) throws IOException {
        assertThat(app).isDirectory();
        try (Stream<Path> files = Files.walk(app)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            List<String> found = new java.util.ArrayList<>();
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith(SANDBOX)).forEach(found::add);
                }
            }
            return found;
        }
    }
}
