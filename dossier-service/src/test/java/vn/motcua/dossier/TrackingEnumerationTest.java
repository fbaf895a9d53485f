package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The attack: guess the applicant's phone number for a known dossier code. After five wrong numbers the code is
 * locked for the phone factor (429 with Retry-After), even for the right number; the secret still works, other codes
 * are untouched, and the count lives in the database every instance shares.
 */
@QuarkusTest
class TrackingEnumerationTest {

    @Test
    void guessing_the_phone_number_of_a_dossier_is_stopped_after_five_tries() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.submittedBirthRegistration(citizen);
        var dossier = Fixtures.as(citizen).get("/api/v1/dossiers/" + id).then().statusCode(200).extract();
        String code = dossier.path("code");
        String secret = dossier.path("trackingSecret");
        String other = Fixtures.as(citizen).get("/api/v1/dossiers/" + Fixtures.submittedBirthRegistration(citizen))
                .then().statusCode(200).extract().path("code");

        track(code, "0912345678").statusCode(200).body("code", equalTo(code));
        for (int guess = 0; guess < 5; guess++) {
            track(code, "09000000" + (10 + guess)).statusCode(404);
        }
        track(code, "0912345678").statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TRACKING_LOCKED")).header("Retry-After", notNullValue());
        if (secret != null) {
            RestAssured.given().queryParam("secret", secret).get("/api/v1/tracking/" + code).then().statusCode(200);
        }
        track(other, "0912345678").statusCode(200);
    }

    @Test
    void an_overlong_code_is_a_plain_not_found() {
        track("x".repeat(1000), "0912345678").statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse track(String code, String phone) {
        return RestAssured.given().queryParam("phone", phone).get("/api/v1/tracking/" + code).then();
    }
}
