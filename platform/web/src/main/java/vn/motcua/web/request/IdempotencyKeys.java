package vn.motcua.web.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.motcua.web.problem.CommonProblems;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creation endpoints: the first request runs and its response is stored in the same
 * transaction; a replay with the same key and body gets the stored response; the same key with another body is
 * refused (409 IDEMPOTENCY_KEY_REUSED). Concurrent requests with one key are serialised by an advisory lock, so
 * exactly one of them creates. Needs the {@code db/web} Flyway location.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,200}");

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    /** The response to return for a creation: its status, location and body. */
    public record Outcome(int status, URI location, Object body) {
        public static Outcome created(URI location, Object body) {
            return new Outcome(201, location, body);
        }
    }

    /**
     * Runs {@code action} once per (scope, caller, key).
     *
     * @param key the header value; {@code null} runs the action without idempotency
     */
    @Transactional
    public Response run(String scope, String caller, String key, Object request, Supplier<Outcome> action) {
        if (key == null) {
            return toResponse(action.get());
        }
        if (!ACCEPTABLE.matcher(key).matches()) {
            throw new CommonProblems.InvalidInput(HEADER, "must be 8 to 200 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'");
        }
        String hash = sha256(write(request));
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, scope + "|" + caller + "|" + key).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> stored = entityManager.createNativeQuery("""
                        select request_hash, status, location, response_body from idempotency_record
                        where scope = ?1 and caller = ?2 and idem_key = ?3""")
                .setParameter(1, scope).setParameter(2, caller).setParameter(3, key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = stored.get(0);
            if (!hash.equals(row[0])) {
                throw new CommonProblems.IdempotencyKeyReused(key);
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue())
                    .entity(row[3]).type(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
            if (row[2] != null) {
                replay.location(URI.create((String) row[2]));
            }
            return replay.build();
        }
        Outcome outcome = action.get();
        String body = write(outcome.body());
        entityManager.createNativeQuery("""
                        insert into idempotency_record (scope, caller, idem_key, request_hash, status, location, response_body)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, scope).setParameter(2, caller).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, outcome.status())
                .setParameter(6, outcome.location() == null ? null : outcome.location().toString())
                .setParameter(7, body).executeUpdate();
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(body).type(MediaType.APPLICATION_JSON);
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.build();
    }

    private static Response toResponse(Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(outcome.body());
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
