package vn.motcua.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production fails closed: the packaged applications carry no development key, and one started without the
 * {@code local} profile refuses the development key and issuer, yet starts with an identity provider's own.
 */
class ProductionGuardTest {

    private static final Path DEV_PUBLIC_KEY = Repo.ROOT.resolve("platform/dev-keys/dev-jwt-public.pem");

    @Test
    void no_packaged_application_carries_the_development_key_pair() throws IOException {
        for (String application : Repo.APPLICATIONS) {
            Path app = Repo.ROOT.resolve(application).resolve("target/quarkus-app");
            assertThat(app).as("packaged %s; ./mvnw verify packages before this test", application).isDirectory();
            List<String> leaks = new ArrayList<>();
            try (Stream<Path> jars = Files.walk(app)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    try (ZipFile zip = new ZipFile(jar.toFile())) {
                        zip.stream().filter(e -> e.getName().contains("dev-jwt-")).forEach(e -> leaks.add(jar.getFileName() + "!" + e.getName()));
                    }
                }
            }
            assertThat(leaks).as("development keys inside %s", application).isEmpty();
        }
    }

    @Test
    void the_gateway_refuses_to_start_in_production_with_the_development_key_and_issuer() throws Exception {
        Started gateway = startGateway(Map.of(
                "MOTCUA_JWT_PUBLIC_KEY_LOCATION", "file:" + DEV_PUBLIC_KEY,
                "MOTCUA_JWT_ISSUER", "https://auth.motcua.local/dev"));
        assertThat(gateway.exitedWithin(Duration.ofSeconds(90))).as("the gateway should refuse to start:\n%s", gateway.output()).isTrue();
        assertThat(gateway.process.exitValue()).isNotZero();
        assertThat(gateway.output()).contains("refuses to start in production")
                .contains("holds the development key").contains("development issuer");
    }

    @Test
    void the_gateway_starts_in_production_with_an_identity_providers_key() throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Path pem = Files.createTempFile("idp-", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Started gateway = startGateway(Map.of(
                "MOTCUA_JWT_PUBLIC_KEY_LOCATION", "file:" + pem,
                "MOTCUA_JWT_ISSUER", "https://id.dichvucong.example.gov.vn"));
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!gateway.output().contains("started in") && gateway.process.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(gateway.output()).as("gateway output").contains("started in").doesNotContain("refuses to start");
        } finally {
            gateway.process.destroy();
            gateway.process.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(pem);
        }
    }

    private static Started startGateway(Map<String, String> settings) throws IOException {
        Path jar = Repo.ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("gateway-prod-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(jar.getParent().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MOTCUA_"));
        env.put("MOTCUA_HTTP_PORT", Integer.toString(freePort()));
        env.put("MOTCUA_MANAGEMENT_PORT", Integer.toString(freePort()));
        env.put("MOTCUA_CORS_ORIGINS", "https://dichvucong.example.gov.vn");
        env.put("MOTCUA_REDIS_URL", "redis://127.0.0.1:" + freePort()); // none: local buckets
        env.putAll(settings);
        return new Started(builder.start(), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Started(Process process, Path log) {
        boolean exitedWithin(Duration timeout) throws InterruptedException {
            boolean exited = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            return exited;
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }
}
