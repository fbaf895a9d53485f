package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;
import vn.motcua.web.request.IdempotencyRetention;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** idempotency_record does not grow forever: records past the retention are deleted, recent ones kept. */
@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencyRetention retention;
    @Inject
    EntityManager em;

    @Test
    void records_older_than_the_retention_are_forgotten_and_recent_ones_kept() {
        String caller = Fixtures.unique("retention");
        insert(caller, "old-key-1", "now() - interval '30 days'");
        insert(caller, "old-key-2", "now() - interval '8 days'");
        insert(caller, "new-key-1", "now() - interval '1 hour'");

        int deleted = retention.deleteBatch(OffsetDateTime.now(ZoneOffset.UTC).minusDays(7));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(keys(caller)).containsExactly("new-key-1");
    }

    void insert(String caller, String key, String createdAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into idempotency_record (scope, caller, idem_key, request_hash, status, response_body, created_at)"
                + " values ('test.retention', ?1, ?2, 'h', 201, '{}', " + createdAt + ")")
                .setParameter(1, caller).setParameter(2, key).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    java.util.List<String> keys(String caller) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select idem_key from idempotency_record where caller = ?1 order by idem_key").setParameter(1, caller).getResultList());
    }
}
