package vn.motcua.guard;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a production deployment must not run with: the development JWT key or issuer, the payment sandbox, and
 * public-facing settings still pointing at localhost. Plain Java over a configuration lookup, so that the rules are
 * tested without starting an application.
 *
 * <p>The development key is recognised by the SHA-256 of its SubjectPublicKeyInfo, so the key itself need not ship in
 * production artifacts to be refused.
 */
public final class ProductionChecks {

    public static final String DEVELOPMENT_ISSUER = "https://auth.motcua.local/dev";
    /** {@code openssl pkey -pubin -in platform/dev-keys/dev-jwt-public.pem -outform DER | sha256sum} */
    public static final String DEVELOPMENT_KEY_SHA256 = "6a987e875b5108917d6d35f3ba2902211b4ae5b559970a9a29eced687a706e6b";

    /** Public-facing settings whose development default is localhost, with the variable that sets each. */
    private static final List<String[]> PUBLIC_ORIGINS = List.of(
            new String[] {"quarkus.http.cors.origins", "MOTCUA_CORS_ORIGINS"},
            new String[] {"motcua.payment.allowed-return-urls", "MOTCUA_PAYMENT_RETURN_URLS"},
            new String[] {"motcua.payment.public-base-url", "MOTCUA_PAYMENT_PUBLIC_URL"});

    private static final Pattern PEM_ARMOUR = Pattern.compile("-----(BEGIN|END) [A-Z ]+-----");
    private static final Pattern JWK_N = Pattern.compile("\"n\"\\s*:\\s*\"([A-Za-z0-9_\\-=]+)\"");
    private static final Pattern JWK_E = Pattern.compile("\"e\"\\s*:\\s*\"([A-Za-z0-9_\\-=]+)\"");

    private ProductionChecks() {
    }

    /**
     * @param config   a configuration value by property name
     * @param readKey  the text at a key location ({@code file:}, classpath or path); empty when it cannot be read here
     *                 (a remote JWKS URL): the issuer check still applies to it
     * @return one line per violation, empty when the configuration is fit for production
     */
    public static List<String> violations(Function<String, Optional<String>> config, Function<String, Optional<String>> readKey) {
        List<String> found = new ArrayList<>();
        config.apply("mp.jwt.verify.issuer").filter(DEVELOPMENT_ISSUER::equals).ifPresent(issuer -> found.add(
                "mp.jwt.verify.issuer is the development issuer " + issuer + "; set MOTCUA_JWT_ISSUER to your identity provider's"));
        Optional<String> inlineKey = config.apply("mp.jwt.verify.publickey");
        Optional<String> location = config.apply("mp.jwt.verify.publickey.location");
        if (inlineKey.filter(ProductionChecks::containsDevelopmentKey).isPresent()) {
            found.add("mp.jwt.verify.publickey is the development key; configure your identity provider's key");
        }
        if (location.flatMap(readKey).filter(ProductionChecks::containsDevelopmentKey).isPresent()) {
            found.add("mp.jwt.verify.publickey.location (" + location.get() + ") holds the development key;"
                    + " set MOTCUA_JWT_PUBLIC_KEY_LOCATION to your identity provider's key or JWKS");
        }
        if (config.apply("motcua.payment.sandbox.enabled").map(Boolean::parseBoolean).orElse(false)) {
            found.add("motcua.payment.sandbox.enabled is true: the sandbox provider signs successful payments;"
                    + " unset MOTCUA_PAYMENT_SANDBOX");
        }
        if (config.apply("motcua.notification.webhook.allow-private-destinations").map(Boolean::parseBoolean).orElse(false)) {
            found.add("motcua.notification.webhook.allow-private-destinations is true: webhooks could reach this network's"
                    + " internal and cloud metadata addresses; unset MOTCUA_NOTIFICATION_WEBHOOK_ALLOW_PRIVATE_DESTINATIONS");
        }
        for (String[] setting : PUBLIC_ORIGINS) {
            config.apply(setting[0]).filter(ProductionChecks::namesLoopback).ifPresent(value -> found.add(
                    setting[0] + " points at this machine (" + value + "); set " + setting[1] + " to the public origins"));
        }
        return found;
    }

    /** A PEM or bare base64 SubjectPublicKeyInfo, or a JWKS, that contains the development key. */
    static boolean containsDevelopmentKey(String keyText) {
        String trimmed = keyText.strip();
        if (trimmed.startsWith("{")) {
            return jwksFingerprints(trimmed).contains(DEVELOPMENT_KEY_SHA256);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(PEM_ARMOUR.matcher(trimmed).replaceAll(""));
            return DEVELOPMENT_KEY_SHA256.equals(sha256(der));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static List<String> jwksFingerprints(String jwks) {
        List<String> fingerprints = new ArrayList<>();
        Matcher moduli = JWK_N.matcher(jwks);
        while (moduli.find()) {
            Matcher exponent = JWK_E.matcher(jwks);
            while (exponent.find()) {
                rsaFingerprint(moduli.group(1), exponent.group(1)).ifPresent(fingerprints::add);
            }
        }
        return fingerprints;
    }

    private static Optional<String> rsaFingerprint(String modulus, String exponent) {
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, url.decode(modulus)), new BigInteger(1, url.decode(exponent)));
            return Optional.of(sha256(KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded()));
        } catch (GeneralSecurityException | IllegalArgumentException notAnRsaKey) {
            return Optional.empty();
        }
    }

    static boolean namesLoopback(String commaSeparatedUrls) {
        for (String url : commaSeparatedUrls.split(",")) {
            String host = hostOf(url.strip());
            if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1") || host.equals("0.0.0.0")) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
