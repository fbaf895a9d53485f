package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.testing.DevTokens;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.motcua.dossier.Fixtures.as;

/**
 * The applicant is the token's {@code sub}, never the username claims that smallrye-jwt would otherwise take as the
 * principal name: a renamed or reused username must neither lose a citizen's dossiers nor hand them to someone else.
 */
@QuarkusTest
class SubjectIdentityTest {

    private static String citizen(String subject, String username) {
        return DevTokens.subject(subject, "citizen").claim("upn", username).claim("preferred_username", username + "-preferred")
                .claim("name", "Nguyễn Văn An").sign();
    }

    @Test
    void the_applicant_is_the_subject_whatever_the_username_claims_say() {
        String subject = Fixtures.unique("sub");
        String username = Fixtures.unique("an.nguyen");
        String id = Fixtures.draft(citizen(subject, username), Fixtures.BIRTH);

        as(citizen(subject, username)).get("/api/v1/dossiers/" + id).then().statusCode(200).body("applicant.id", equalTo(subject));
        // the same person after renaming their account: same sub, another username
        as(citizen(subject, Fixtures.unique("renamed"))).get("/api/v1/dossiers/" + id).then().statusCode(200);
        as(citizen(subject, Fixtures.unique("renamed"))).get("/api/v1/dossiers").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void someone_who_takes_over_a_released_username_sees_nothing_of_its_former_owner() {
        String username = Fixtures.unique("reused");
        String id = Fixtures.draft(citizen(Fixtures.unique("sub"), username), Fixtures.BIRTH);
        // another person, another sub, whose token carries the old username in upn: attack on identity by username
        String attacker = citizen(Fixtures.unique("sub"), username);
        as(attacker).get("/api/v1/dossiers/" + id).then().statusCode(404);
        as(attacker).get("/api/v1/dossiers").then().statusCode(200).body("items.id", not(hasItem(id)));
    }
}
