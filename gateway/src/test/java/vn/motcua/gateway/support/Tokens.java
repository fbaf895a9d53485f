package vn.motcua.gateway.support;

import vn.motcua.testing.DevTokens;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;

/** The tokens a caller may present: good ones for a role, and each way of being wrong. */
public final class Tokens {

    private static PrivateKey foreignKey;

    private Tokens() {
    }

    public static String withRole(String subject, String role) {
        return DevTokens.subject(subject, role).claim("agency", "000.00.12.H29").sign();
    }

    public static String forged(String subject, String role) {
        return DevTokens.subject(subject, role).signedWith(foreignKey(), "dev-1").sign();
    }

    public static String expired(String subject, String role) {
        return DevTokens.subject(subject, role).expiresIn(Duration.ofMinutes(-10)).sign();
    }

    public static String wrongAudience(String subject, String role) {
        return DevTokens.subject(subject, role).claim("aud", "some-other-platform").sign();
    }

    public static String wrongIssuer(String subject, String role) {
        return DevTokens.subject(subject, role).claim("iss", "https://idp.example.org").sign();
    }

    private static synchronized PrivateKey foreignKey() {
        if (foreignKey == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                foreignKey = generator.generateKeyPair().getPrivate();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return foreignKey;
    }
}
