package vn.motcua.notification.retention;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.notification.support.Events;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    IdempotencyRetention retention;
    @Inject
    DataSource dataSource;

    @Test
    void records_older_than_the_retention_are_deleted_and_younger_ones_kept() throws Exception {
        String old = Events.unique("old-key");
        String young = Events.unique("young-key");
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into idempotency_record (scope, caller, idem_key, request_hash, status, response_body, created_at)
                values ('test.scope', 'ad-test', ?, 'h', 201, '{}', now() - cast(? as interval))""")) {
            insert.setString(1, old);
            insert.setString(2, "8 days");
            insert.executeUpdate();
            insert.setString(1, young);
            insert.setString(2, "6 days");
            insert.executeUpdate();
        }

        assertThat(retention.purge(OffsetDateTime.now().minusDays(7))).isGreaterThanOrEqualTo(1);

        assertThat(exists(old)).isFalse();
        assertThat(exists(young)).isTrue();
    }

    private boolean exists(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select 1 from idempotency_record where idem_key = ?")) {
            q.setString(1, key);
            ResultSet rows = q.executeQuery();
            return rows.next();
        }
    }
}
