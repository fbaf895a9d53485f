package vn.motcua.bench.baseline;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class BaselineResourceTest {

    @Test
    void both_yardsticks_answer() {
        given().get("/bench/hello").then().statusCode(200).body(equalTo("xin chào"));
        given().contentType("application/json").body("{\"payload\":\"một dòng\"}").post("/bench/rows")
                .then().statusCode(201).body("id", notNullValue());
    }
}
