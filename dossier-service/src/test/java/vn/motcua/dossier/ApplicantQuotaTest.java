package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.dossier.Fixtures.as;

/**
 * The attack: one account fills the document storage with drafts it never submits. An applicant keeps at most
 * {@code open-drafts} drafts and {@code open-bytes} in dossiers still open for documents; what is submitted stops
 * counting. (Small limits here; production defaults are 20 drafts and 300 MiB.)
 */
@QuarkusTest
@TestProfile(ApplicantQuotaTest.SmallQuota.class)
class ApplicantQuotaTest {

    public static class SmallQuota implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test PDF is 22 bytes: two fit, a third does not
            return Map.of("motcua.dossier.quota.open-drafts", "3", "motcua.dossier.quota.open-bytes", "50");
        }
    }

    @Test
    void an_applicant_cannot_keep_more_open_drafts_than_the_quota() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        for (int i = 0; i < 3; i++) {
            Fixtures.draft(citizen, Fixtures.BIRTH);
        }
        as(citizen).body(Map.of("procedureCode", Fixtures.BIRTH, "channel", "ONLINE", "returnMethod", "ELECTRONIC"))
                .post("/api/v1/dossiers").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_OPEN_DRAFTS"));
        // another applicant is not affected
        Fixtures.draft(Fixtures.citizen(Fixtures.unique("cd")), Fixtures.BIRTH);
    }

    @Test
    void the_bytes_kept_in_open_dossiers_are_capped_and_submitting_frees_them() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String first = Fixtures.draft(citizen, Fixtures.BIRTH);
        Fixtures.upload(citizen, first, "TK").statusCode(201);
        Fixtures.upload(citizen, first, "GCS").statusCode(201);
        String second = Fixtures.draft(citizen, Fixtures.BIRTH);
        Fixtures.upload(citizen, second, "TK").statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("STORAGE_QUOTA_EXCEEDED"));

        as(citizen).post("/api/v1/dossiers/" + first + "/submit").then().statusCode(200);
        Fixtures.upload(citizen, second, "TK").statusCode(201);
    }
}
