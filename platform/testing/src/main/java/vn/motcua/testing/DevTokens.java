package vn.motcua.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 JWTs signed with the <b>development</b> key pair ({@code platform/dev-keys}), for tests and for
 * {@code ./motcua token}. Plain JDK so that it runs with nothing else on the classpath. Tokens minted here are
 * accepted only where the dev public key is configured: the dev and test profiles.
 */
public final class DevTokens {

    public static final String ISSUER = "https://auth.motcua.local/dev";
    public static final String AUDIENCE = "motcua";

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Duration lifetime = Duration.ofHours(1);
    private PrivateKey key;
    private String keyId = "dev-1";

    private DevTokens(String subject, List<String> roles) {
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", roles);
    }

    public static DevTokens subject(String subject, String... roles) {
        return new DevTokens(subject, List.of(roles));
    }

    public static String citizen(String subject) {
        return subject(subject, "citizen").claim("name", "Công dân " + subject).sign();
    }

    public static String officer(String subject, String agencyCode) {
        return subject(subject, "officer").claim("agency", agencyCode).claim("name", "Cán bộ " + subject).sign();
    }

    public static String admin(String subject) {
        return subject(subject, "admin").sign();
    }

    public DevTokens claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public DevTokens expiresIn(Duration lifetime) {
        this.lifetime = lifetime;
        return this;
    }

    /** Signs with another key, to prove that a forged token is refused. */
    public DevTokens signedWith(PrivateKey key, String keyId) {
        this.key = key;
        this.keyId = keyId;
        return this;
    }

    public String sign() {
        Instant now = Instant.now();
        Map<String, Object> body = new LinkedHashMap<>(claims);
        body.put("iat", now.getEpochSecond());
        body.put("exp", now.plus(lifetime).getEpochSecond());
        body.putIfAbsent("jti", UUID.randomUUID().toString());
        String header = base64Url(json(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
        String payload = base64Url(json(body));
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key != null ? key : devPrivateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    public static PrivateKey devPrivateKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream("/dev-keys/dev-jwt-private.pem")) {
            String pem = in != null ? new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    : Files.readString(Path.of("platform/dev-keys/dev-jwt-private.pem"));
            return parsePrivateKey(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey parsePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 RSA private key", e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A minimal JSON writer for string, number, boolean and list claims: enough for tokens, no library needed. */
    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DevTokens::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * {@code ./motcua token <role> [subject] [claim=value ...]} — prints a development token.
     * Example: {@code ./motcua token officer can-bo-01 agency=000.00.12.H01}
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: token <citizen|officer|leader|admin|portal|postal-operator> [subject] [claim=value ...]");
            System.exit(2);
        }
        String role = args[0];
        String subject = args.length > 1 ? args[1] : role + "-dev";
        List<String> roles = new ArrayList<>(List.of(role));
        if (role.equals("leader")) {
            roles.add("officer");
        }
        DevTokens token = subject(subject, roles.toArray(String[]::new)).expiresIn(Duration.ofHours(12));
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length == 2) {
                token.claim(pair[0], pair[1]);
            }
        }
        System.out.println(token.sign());
    }
}
