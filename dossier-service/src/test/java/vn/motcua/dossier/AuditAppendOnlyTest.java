package vn.motcua.dossier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static vn.motcua.dossier.Fixtures.as;

@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    EntityManager em;

    @Test
    void the_database_refuses_to_change_or_delete_audit_entries() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.submittedBirthRegistration(citizen);
        UUID dossierId = UUID.fromString(id);
        long entries = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where dossier_id = ?1").setParameter(1, dossierId).getSingleResult()).longValue());
        assertThat(entries).isGreaterThanOrEqualTo(4); // create, 2 uploads, submit
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update audit_entry set reason = 'rewritten' where dossier_id = ?1").setParameter(1, dossierId).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from audit_entry where dossier_id = ?1").setParameter(1, dossierId).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }

    @Test
    void the_openapi_document_describes_the_dossier_api() {
        io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/dossiers"))
                .body("paths.keySet()", hasItem("/api/v1/dossiers/{id}/receive"))
                .body("paths.keySet()", hasItem("/api/v1/tracking/{code}"))
                .body("paths.keySet()", hasItem("/api/v1/statistics"))
                .body("paths.'/api/v1/dossiers'.post.description", containsString("Strongly consistent"))
                .body("components.schemas.keySet()", hasItem("Problem"));
        as(citizen()).get("/api/v1/dossiers").then().statusCode(200);
    }

    private static String citizen() {
        return Fixtures.citizen(Fixtures.unique("cd"));
    }
}
