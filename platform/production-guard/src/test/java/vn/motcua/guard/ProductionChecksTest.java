package vn.motcua.guard;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionChecksTest {

    private static final Path DEV_KEY = Path.of("../dev-keys/dev-jwt-public.pem");

    private final Map<String, String> config = new HashMap<>(Map.of(
            "mp.jwt.verify.issuer", "https://id.dichvucong.gov.vn",
            "mp.jwt.verify.publickey.location", "file:/etc/motcua/idp.pem",
            "quarkus.http.cors.origins", "https://dichvucong.hanoi.gov.vn",
            "motcua.payment.allowed-return-urls", "https://dichvucong.hanoi.gov.vn/thanh-toan"));
    private final Map<String, String> files = new HashMap<>();

    private List<String> violations() {
        return ProductionChecks.violations(name -> Optional.ofNullable(config.get(name)), location -> Optional.ofNullable(files.get(location)));
    }

    @Test
    void productionSettingsPass() throws Exception {
        files.put("file:/etc/motcua/idp.pem", pem(otherKey()));
        assertThat(violations()).isEmpty();
    }

    @Test
    void theDevelopmentKeyIsRefusedByFingerprintAsPemInlineOrJwks() throws Exception {
        String devPem = Files.readString(DEV_KEY);
        files.put("file:/etc/motcua/idp.pem", devPem);
        assertThat(violations()).singleElement().asString().contains("holds the development key");

        files.put("file:/etc/motcua/idp.pem", jwks((RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(Base64.getMimeDecoder()
                        .decode(devPem.replaceAll("-----[A-Z ]+-----", ""))))));
        assertThat(violations()).singleElement().asString().contains("holds the development key");

        files.put("file:/etc/motcua/idp.pem", pem(otherKey()));
        config.put("mp.jwt.verify.publickey", devPem.replaceAll("-----[A-Z ]+-----", "").replace("\n", ""));
        assertThat(violations()).singleElement().asString().contains("mp.jwt.verify.publickey is the development key");
    }

    @Test
    void anotherKeyInAJwksIsAccepted() throws Exception {
        files.put("file:/etc/motcua/idp.pem", jwks(otherKey()));
        assertThat(violations()).isEmpty();
    }

    @Test
    void theDevelopmentIssuerTheSandboxAndLocalhostOriginsAreRefused() {
        config.put("mp.jwt.verify.issuer", ProductionChecks.DEVELOPMENT_ISSUER);
        config.put("motcua.payment.sandbox.enabled", "true");
        config.put("quarkus.http.cors.origins", "https://dichvucong.hanoi.gov.vn,http://localhost:3000");
        config.put("motcua.payment.allowed-return-urls", "http://127.0.0.1:8080/return");
        config.put("motcua.payment.public-base-url", "http://[::1]:8083");
        config.put("motcua.notification.webhook.allow-private-destinations", "true");
        assertThat(violations()).hasSize(6).anySatisfy(v -> assertThat(v).contains("MOTCUA_JWT_ISSUER"))
                .anySatisfy(v -> assertThat(v).contains("MOTCUA_PAYMENT_SANDBOX"))
                .anySatisfy(v -> assertThat(v).contains("MOTCUA_CORS_ORIGINS"))
                .anySatisfy(v -> assertThat(v).contains("MOTCUA_PAYMENT_RETURN_URLS"))
                .anySatisfy(v -> assertThat(v).contains("MOTCUA_PAYMENT_PUBLIC_URL"))
                .anySatisfy(v -> assertThat(v).contains("ALLOW_PRIVATE_DESTINATIONS"));
    }

    @Test
    void aHostThatMerelyStartsWithLocalhostIsNotLoopback() {
        assertThat(ProductionChecks.namesLoopback("https://localhost.evil.example")).isFalse();
        assertThat(ProductionChecks.namesLoopback("http://app.localhost")).isTrue();
        assertThat(ProductionChecks.namesLoopback("not a url")).isFalse();
    }

    private static RSAPublicKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPublicKey) generator.generateKeyPair().getPublic();
    }

    private static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String jwks(RSAPublicKey key) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"n\":\"" + url.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + url.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
