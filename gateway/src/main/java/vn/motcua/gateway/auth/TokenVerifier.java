package vn.motcua.gateway.auth;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer tokens with smallrye-jwt, configured by {@code mp.jwt.verify.*}: signature (PEM key or JWKS URL,
 * where the key set is refreshed — key rotation), issuer, audience, expiry with a small clock skew.
 *
 * <p>Verified tokens are remembered for at most {@link #CACHE_FOR_MILLIS} (never past their expiry), so a client
 * that sends the same token many times costs one RSA verification, and the parse — which may fetch a JWKS and so
 * block — runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class TokenVerifier {

    static final long CACHE_FOR_MILLIS = 60_000;
    private static final int CACHE_MAX_ENTRIES = 20_000;
    /** Longer than any sane JWT; refused before any parsing. */
    static final int MAX_TOKEN_LENGTH = 8192;
    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    private final JWTParser parser;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, Verified> cache = new ConcurrentHashMap<>();

    public TokenVerifier(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    public Future<Identity> verify(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Future.failedFuture(new AuthenticationFailed(AuthenticationFailed.INVALID, "the bearer token is empty or too long"));
        }
        Verified known = cache.get(token);
        long now = System.currentTimeMillis();
        if (known != null) {
            if (known.validUntil > now) {
                return Future.succeededFuture(known.identity);
            }
            cache.remove(token);
        }
        return vertx.executeBlocking(() -> parse(token), false);
    }

    private Identity parse(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw refusal(e);
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new AuthenticationFailed(AuthenticationFailed.INVALID, "the token has no subject");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        Identity identity = new Identity(subject, groups);
        if (cache.size() >= CACHE_MAX_ENTRIES) {
            cache.clear(); // crude but bounded; a re-verification is all a cleared entry costs
        }
        long validUntil = Math.min(jwt.getExpirationTime() * 1000, System.currentTimeMillis() + CACHE_FOR_MILLIS);
        cache.put(token, new Verified(identity, validUntil));
        return identity;
    }

    private static AuthenticationFailed refusal(ParseException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return new AuthenticationFailed(AuthenticationFailed.EXPIRED, "the bearer token has expired");
            }
        }
        LOG.debugf("token refused: %s", e.getMessage());
        return new AuthenticationFailed(AuthenticationFailed.INVALID,
                "the bearer token is not valid (signature, issuer, audience or format)");
    }

    private record Verified(Identity identity, long validUntil) {
    }
}
