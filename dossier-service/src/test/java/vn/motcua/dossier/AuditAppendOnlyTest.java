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
    void the_audit_records_the_client_address_the_gateway_passed_not_the_gateways_own() {
        // issue 14 item 8: every entry said "from <the gateway's address>"; the gateway now passes the client's
        // (the test client's loopback peer stands where the gateway does: a trusted gateway address by default)
        String citizen = citizen();
        String id = as(citizen).header(vn.motcua.web.request.ClientAddress.HEADER, "203.0.113.7")
                .header("X-Forwarded-For", "6.6.6.6")
                .body(java.util.Map.of("procedureCode", Fixtures.BIRTH, "channel", "ONLINE", "returnMethod", "ELECTRONIC"))
                .post("/api/v1/dossiers").then().statusCode(201).extract().path("id");
        String client = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select client from audit_entry where dossier_id = ?1 order by id limit 1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(client).endsWith(" from 203.0.113.7");
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
