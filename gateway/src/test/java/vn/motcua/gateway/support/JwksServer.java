package vn.motcua.gateway.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity provider's JWKS endpoint on a real local HTTP server: serves the development public key as
 * {@code kid=dev-1}; {@code POST /rotate} with a JWK adds a key, as an identity provider does when it rotates;
 * {@code GET /last-fetch-age} tells how many milliseconds ago the key set was last fetched (-1: never).
 * Starts after {@link GatewayTestResources} so it can point the gateway's key location at itself.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    /**
     * jose4j's {@code HttpsJwks} (under smallrye-jwt) does not fetch the key set again within this long of its last
     * fetch, even when asked to for a token with an unknown {@code kid}; it is not configurable through smallrye-jwt.
     */
    public static final long JOSE4J_REFRESH_REPRIEVE_MILLIS = 300;

    private HttpServer server;
    private final List<String> keys = new ArrayList<>();
    private volatile long lastFetchNanos;

    @Override
    public Map<String, String> start() {
        try {
            keys.add(jwk(devPublicKey(), "dev-1"));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/jwks.json", exchange -> {
                lastFetchNanos = System.nanoTime();
                byte[] body;
                synchronized (keys) {
                    body = ("{\"keys\":[" + String.join(",", keys) + "]}").getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/last-fetch-age", exchange -> {
                long last = lastFetchNanos;
                byte[] body = Long.toString(last == 0 ? -1 : (System.nanoTime() - last) / 1_000_000)
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/rotate", exchange -> {
                String jwk = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (keys) {
                    keys.add(jwk);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            Map<String, String> config = new HashMap<>();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            config.put("mp.jwt.verify.publickey.location", base + "/jwks.json");
            config.put("smallrye.jwt.jwks.forced-refresh-interval", "0");
            config.put("motcua.test.jwks-base", base);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String jwk(RSAPublicKey key, String kid) {
        return "{\"kty\":\"RSA\",\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(key.getModulus())
                + "\",\"e\":\"" + b64(key.getPublicExponent()) + "\"}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPublicKey devPublicKey() throws Exception {
        try (InputStream in = JwksServer.class.getResourceAsStream("/dev-keys/dev-jwt-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        }
    }
}
