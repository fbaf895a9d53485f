package vn.motcua.gateway.routing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Tokens;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy against real local HTTP servers standing in for the services: balancing, failover, upstream failures
 * as problem+json (503 down, 504 slow, circuit breaker), correlation and trace headers, body limits, CORS and
 * security headers.
 */
@QuarkusTest
class ProxyTest {

    private static final String CITIZEN = Tokens.withRole("cd-proxy", "citizen");

    @Test
    void requests_are_spread_round_robin_over_the_instances() {
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Response response = given().get("/api/v1/procedures");
            assertThat(response.statusCode()).isEqualTo(200);
            instances.add(response.path("instance"));
        }
        assertThat(instances).containsExactlyInAnyOrder("dossier-a", "dossier-b");
    }

    @Test
    void a_dead_instance_is_skipped_and_the_request_answered_by_a_live_one() {
        for (int i = 0; i < 4; i++) {
            Response response = given().contentType("application/json").body("{\"n\":" + i + "}")
                    .post("/api/v1/test/failover/orders");
            assertThat(response.statusCode()).as("attempt %d", i).isEqualTo(200);
            assertThat((Object) response.path("instance")).isEqualTo("failover-live");
            assertThat((Integer) response.path("bodyBytes")).isEqualTo(("{\"n\":" + i + "}").length());
        }
    }

    @Test
    void an_upstream_that_is_down_is_a_503_problem() {
        Response response = given().header("X-Request-Id", "req-down-1").get("/api/v1/test/unreachable/x");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat((Object) response.path("code")).isIn("UPSTREAM_UNAVAILABLE", "UPSTREAM_CIRCUIT_OPEN");
        assertThat((Object) response.path("status")).isEqualTo(503);
        assertThat((Object) response.path("requestId")).isEqualTo("req-down-1");
        assertThat(response.header("Retry-After")).isNotBlank();
    }

    @Test
    void an_upstream_slower_than_the_route_timeout_is_a_504_problem() {
        long started = System.nanoTime();
        Response response = given().get("/api/v1/test/slow/report");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat((Object) response.path("code")).isEqualTo("UPSTREAM_TIMEOUT");
        assertThat(tookMillis).as("answered at the 400 ms route timeout, not after the upstream's 3 s").isLessThan(2_500);
    }

    @Test
    void repeated_upstream_failures_open_the_circuit_then_a_trial_closes_it() {
        for (int i = 0; i < 3; i++) {
            Response failing = given().get("/api/v1/test/flaky/fail");
            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(failing.body().asString()).as("the upstream's own answer passes through").startsWith("upstream own failure");
        }
        Response open = given().get("/api/v1/test/flaky/ok");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.contentType()).startsWith("application/problem+json");
        assertThat((Object) open.path("code")).isEqualTo("UPSTREAM_CIRCUIT_OPEN");
        assertThat(open.header("Retry-After")).isEqualTo("1");
        await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(200)).untilAsserted(() -> {
            Response trial = given().get("/api/v1/test/flaky/ok");
            assertThat(trial.statusCode()).isEqualTo(200);
        });
        assertThat(given().get("/api/v1/test/flaky/ok").statusCode()).as("closed again").isEqualTo(200);
    }

    @Test
    void unknown_paths_and_methods_are_problems_not_forwarded() {
        Response unknown = given().get("/api/v1/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat((Object) unknown.path("code")).isEqualTo("ROUTE_NOT_FOUND");
        Response method = given().auth().oauth2(CITIZEN).contentType("application/json").body("{}").post("/api/v1/tracking/x");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat((Object) method.path("code")).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void the_request_id_is_kept_or_made_passed_on_and_returned_and_trace_context_passes_through() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response given = given().urlEncodingEnabled(false).header("X-Request-Id", "req-abc-123").header("traceparent", traceparent)
                .header("tracestate", "motcua=1").get("/api/v1/procedures?size=20&q=khai%20sinh");
        assertThat(given.header("X-Request-Id")).isEqualTo("req-abc-123");
        assertThat((Object) given.path("headers.x-request-id")).isEqualTo("req-abc-123");
        assertThat((Object) given.path("headers.traceparent")).isEqualTo(traceparent);
        assertThat((Object) given.path("headers.tracestate")).isEqualTo("motcua=1");
        assertThat((Object) given.path("uri")).isEqualTo("/api/v1/procedures?size=20&q=khai%20sinh");
        assertThat((Object) given.path("headers.x-forwarded-for")).isEqualTo("127.0.0.1");

        Response made = given().header("X-Request-Id", "bad id with spaces <script>").get("/api/v1/procedures");
        String id = made.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat((Object) made.path("headers.x-request-id")).isEqualTo(id);
    }

    @Test
    void the_client_address_is_the_gateways_own_finding_and_a_forged_one_is_dropped() {
        // issue 14 item 8: a client claiming to be someone else in the audit trail
        Response echoed = given().header("X-Motcua-Client-Ip", "6.6.6.6").header("X-Forwarded-For", "7.7.7.7")
                .get("/api/v1/procedures");
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat((Object) echoed.path("headers.x-motcua-client-ip")).isEqualTo("127.0.0.1");
        assertThat((Object) echoed.path("headers.x-forwarded-for")).isEqualTo("127.0.0.1");
    }

    @Test
    void responses_carry_security_headers_and_the_gateways_cors_only() {
        Response response = given().header("Origin", "http://localhost:3000").get("/api/v1/procedures");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.header("Access-Control-Allow-Origin"))
                .as("the upstream's wildcard is dropped; the gateway's configured origin is used")
                .isEqualTo("http://localhost:3000");
        assertThat(response.header("X-Upstream-Instance")).isNotBlank();
    }

    @Test
    void cors_preflight_is_answered_for_configured_origins_only() {
        Response allowed = given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/v1/dossiers");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");

        Response other = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/dossiers");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
        Response simple = given().header("Origin", "https://evil.example").get("/api/v1/procedures");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void a_client_expecting_100_continue_is_told_to_go_on_and_its_body_arrives() throws Exception {
        String port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", String.class);
        byte[] body = new byte[3 * 1024 * 1024];
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers/d-continue/documents"))
                .header("Authorization", "Bearer " + CITIZEN)
                .expectContinue(true)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"bodyBytes\":" + body.length).doesNotContain("\"expect\"");
    }

    @Test
    void a_body_over_the_route_limit_is_refused_with_413_whether_declared_or_chunked() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Response declared = given().auth().oauth2(CITIZEN).contentType("application/json").body(twoMegabytes)
                .post("/api/v1/dossiers");
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat((Object) declared.path("code")).isEqualTo("PAYLOAD_TOO_LARGE");

        Response chunked = given().auth().oauth2(CITIZEN).contentType("application/octet-stream")
                .body(new ByteArrayInputStream(twoMegabytes)).post("/api/v1/dossiers");
        assertThat(chunked.statusCode()).isEqualTo(413);

        Response small = given().auth().oauth2(CITIZEN).contentType("application/json")
                .body("{\"procedureCode\":\"1.001193\",\"note\":\"Đăng ký khai sinh\"}").post("/api/v1/dossiers");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat((Integer) small.path("bodyBytes"))
                .isEqualTo("{\"procedureCode\":\"1.001193\",\"note\":\"Đăng ký khai sinh\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
