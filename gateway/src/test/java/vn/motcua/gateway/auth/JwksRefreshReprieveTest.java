package vn.motcua.gateway.auth;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.JwksServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why {@link JwksVerificationTest} was flaky (issue 15 item 8): smallrye-jwt's refresh for an unknown {@code kid} goes
 * through jose4j's {@link HttpsJwks#refresh()}, which does not fetch again within 300 ms of its last fetch. The test
 * published and used the rotated key within that window whenever its RSA key generation was quick, and the key was
 * refused (jose4j 0.9.6 sets the reprieve to 300 ms in the constructor; smallrye-jwt offers no setting for it).
 * This shows the mechanism that test now respects.
 */
class JwksRefreshReprieveTest {

    @Test
    void a_refresh_within_the_reprieve_after_a_fetch_does_not_see_a_newly_published_key() throws Exception {
        JwksServer server = new JwksServer();
        String base = server.start().get("motcua.test.jwks-base");
        try {
            HttpsJwks jwks = new HttpsJwks(base + "/jwks.json");
            // the reprieve made long, so that the test does not depend on how fast this machine is
            jwks.setRefreshReprieveThreshold(3_600_000);
            jwks.refresh();
            assertThat(jwks.getJsonWebKeys()).extracting(JsonWebKey::getKeyId).containsExactly("dev-1");

            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey rotated = (RSAPublicKey) generator.generateKeyPair().getPublic();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/rotate"))
                    .POST(HttpRequest.BodyPublishers.ofString(JwksServer.jwk(rotated, "key-2027"))).build(),
                    HttpResponse.BodyHandlers.discarding());

            jwks.refresh(); // what smallrye-jwt calls for a token with the unknown kid
            assertThat(jwks.getJsonWebKeys()).extracting(JsonWebKey::getKeyId).as("within the reprieve: not fetched")
                    .containsExactly("dev-1");

            jwks.setRefreshReprieveThreshold(0);
            jwks.refresh();
            assertThat(jwks.getJsonWebKeys()).extracting(JsonWebKey::getKeyId).containsExactly("dev-1", "key-2027");
        } finally {
            server.stop();
        }
    }
}
