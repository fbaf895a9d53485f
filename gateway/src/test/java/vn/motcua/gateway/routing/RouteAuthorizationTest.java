package vn.motcua.gateway.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Tokens;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the production route table (the test-only routes aside), driven from the table itself so that a
 * route added to the configuration is covered too: a public route lets an anonymous caller through; a protected
 * one refuses no token, a forged signature, an expired token, a wrong audience, a wrong issuer (401) and a caller
 * without one of its roles (403), and lets one of its roles through to the right service with the identity
 * forwarded.
 */
@QuarkusTest
class RouteAuthorizationTest {

    private static final List<String> ALL_ROLES = List.of("citizen", "officer", "leader", "admin", "portal", "postal-operator");

    @Inject
    GatewayRoutes gatewayRoutes;

    @Test
    void every_route_applies_its_roles() {
        List<Route> routes = gatewayRoutes.table().routes().stream().filter(r -> !r.name().startsWith("test-")).toList();
        assertThat(routes).extracting(Route::name).contains("dossiers", "procedures-read", "tracking", "payment-callbacks",
                "service-points-read", "availability-read", "deliveries", "notifications", "statistics", "appointments", "payments");
        SoftAssertions soft = new SoftAssertions();
        for (Route route : routes) {
            String method = route.methods().isEmpty() ? "GET" : route.methods().contains("GET") ? "GET"
                    : route.methods().stream().sorted().findFirst().orElseThrow();
            String path = route.path().example("probe-1");
            String label = route.name() + " " + method + " " + path;
            if (route.isPublic()) {
                Response anonymous = call(method, path, null);
                soft.assertThat(anonymous.statusCode()).as(label + " anonymous").isEqualTo(200);
                soft.assertThat(anonymous.path("service").toString()).as(label + " service").isEqualTo(route.upstream());
                soft.assertThat(anonymous.path("headers.x-motcua-subject") == null).as(label + " no subject").isTrue();
                continue;
            }
            String allowed = route.roles().stream().sorted().findFirst().orElseThrow();
            String denied = ALL_ROLES.stream().filter(r -> !route.roles().contains(r)).findFirst().orElse("nobody");
            expectProblem(soft, label + " no token", call(method, path, null), 401, "AUTHENTICATION_REQUIRED");
            expectProblem(soft, label + " forged", call(method, path, Tokens.forged("cd-001", allowed)), 401, "TOKEN_INVALID");
            expectProblem(soft, label + " expired", call(method, path, Tokens.expired("cd-001", allowed)), 401, "TOKEN_EXPIRED");
            expectProblem(soft, label + " audience", call(method, path, Tokens.wrongAudience("cd-001", allowed)), 401, "TOKEN_INVALID");
            expectProblem(soft, label + " issuer", call(method, path, Tokens.wrongIssuer("cd-001", allowed)), 401, "TOKEN_INVALID");
            expectProblem(soft, label + " role " + denied, call(method, path, Tokens.withRole("cd-001", denied)), 403, "ACCESS_DENIED");
            String token = Tokens.withRole("user-" + route.name(), allowed);
            Response ok = call(method, path, token);
            soft.assertThat(ok.statusCode()).as(label + " role " + allowed).isEqualTo(200);
            soft.assertThat(ok.path("service").toString()).as(label + " service").isEqualTo(route.upstream());
            soft.assertThat(ok.path("headers.x-motcua-subject").toString()).as(label + " subject").isEqualTo("user-" + route.name());
            soft.assertThat(ok.path("headers.authorization").toString()).as(label + " token kept").isEqualTo("Bearer " + token);
            soft.assertThat(ok.path("uri").toString()).as(label + " path kept").isEqualTo(path);
        }
        soft.assertAll();
    }

    @Test
    void a_subject_header_sent_by_the_client_is_replaced_or_removed() {
        Response anonymous = given().header("X-Motcua-Subject", "cd-999").get("/api/v1/procedures");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat((Object) anonymous.path("headers.x-motcua-subject")).isNull();
        Response signedIn = given().auth().oauth2(Tokens.withRole("cd-001", "citizen"))
                .header("X-Motcua-Subject", "cd-999").get("/api/v1/dossiers");
        assertThat(signedIn.path("headers.x-motcua-subject").toString()).isEqualTo("cd-001");
    }

    @Test
    void dot_segments_cannot_smuggle_a_protected_path_through_a_public_route() {
        Response response = given().urlEncodingEnabled(false).get("/api/v1/procedures/../dossiers");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void other_schemes_than_bearer_are_refused() {
        Response response = given().header("Authorization", "Basic Y2QtMDAxOnB3").get("/api/v1/dossiers");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void a_valid_token_on_a_public_route_is_forwarded_as_the_subject() {
        Response response = given().auth().oauth2(Tokens.withRole("cd-002", "citizen")).get("/api/v1/tracking/000.00.12.H29-261123-0001");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.path("headers.x-motcua-subject").toString()).isEqualTo("cd-002");
    }

    private static Response call(String method, String path, String token) {
        var request = given().urlEncodingEnabled(false);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, path);
    }

    private static void expectProblem(SoftAssertions soft, String label, Response response, int status, String code) {
        soft.assertThat(response.statusCode()).as(label).isEqualTo(status);
        soft.assertThat(response.contentType()).as(label + " content type").startsWith("application/problem+json");
        soft.assertThat((Object) response.path("code")).as(label + " code").isEqualTo(code);
        soft.assertThat((Object) response.path("service")).as(label + " never reached the service").isNull();
        if (status == 401) {
            soft.assertThat(response.header("WWW-Authenticate")).as(label + " challenge").startsWith("Bearer");
        }
    }
}
