package vn.motcua.gateway.routing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 2: one anonymous client must not be able to take a service offline through the gateway's circuit
 * breaker. The fake dossier instances answer {@code page=21474837&size=100} with the 500 problem that the int
 * overflow of {@code page * size} produced; the fake payment service answers its own 502 PROVIDER_UNAVAILABLE and,
 * on one path, fails for real (a 503 that is not a problem). Routes and breaker settings are the production ones,
 * except the payment upstream's threshold of 3 and open period of 1 s (test resources).
 */
@QuarkusTest
class ClientProvokedFailureTest {

    private static final String CITIZEN = Tokens.withRole("cd-bystander", "citizen");
    private static final String OFFICER = Tokens.withRole("cb-attacker", "officer");

    @TestHTTPResource("/")
    URI gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thirty_seconds_of_provoked_500s_and_provider_502s_leave_every_other_request_served() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        Map<Integer, AtomicInteger> attackAnswers = new ConcurrentHashMap<>();
        List<String> attackOddities = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread attacker = new Thread(() -> {
            int i = 0;
            while (attacking.get()) {
                try {
                    // anonymous: the public catalogue with an overflowing page; and the payment provider being down
                    HttpResponse<String> answer = i++ % 2 == 0
                            ? send(get("/api/v1/procedures?page=21474837&size=100"))
                            : send(get("/api/v1/payments/test/provider-down").header("Authorization", "Bearer " + OFFICER));
                    attackAnswers.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.body().contains("UPSTREAM_CIRCUIT_OPEN")) {
                        attackOddities.add(answer.body());
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    attackOddities.add(e.toString());
                }
            }
        }, "attacker");
        attacker.start();

        List<String> failures = new ArrayList<>();
        int served = 0;
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < end) {
                for (HttpRequest.Builder request : List.of(
                        get("/api/v1/procedures?page=0&size=20"),
                        get("/api/v1/dossiers/mine").header("Authorization", "Bearer " + CITIZEN),
                        get("/api/v1/payments/callbacks/vnpay/ipn?vnp_TxnRef=1"))) {
                    HttpResponse<String> answer = send(request);
                    served++;
                    if (answer.statusCode() != 200) {
                        failures.add(answer.statusCode() + " " + answer.body());
                    }
                }
                Thread.sleep(100);
            }
        } finally {
            attacking.set(false);
            attacker.join(10_000);
        }

        assertThat(failures).as("the bystander's requests (of %d)", served).isEmpty();
        assertThat(attackOddities).as("the attack never opened a circuit").isEmpty();
        assertThat(attackAnswers.keySet()).as("the services' own answers reached the attacker")
                .containsExactlyInAnyOrder(500, 502);
        assertThat(attackAnswers.values().stream().mapToInt(AtomicInteger::get).sum())
                .as("the attack ran at over 1 request a second").isGreaterThan(60);
    }

    @Test
    void a_route_failing_for_real_opens_its_own_circuit_and_leaves_the_callbacks_and_the_other_routes_served() {
        for (int i = 0; i < 3; i++) {
            Response failing = given().auth().oauth2(OFFICER).get("/api/v1/payments/test/broken");
            assertThat(failing.statusCode()).isEqualTo(503);
            assertThat(failing.body().asString()).startsWith("upstream own failure");
        }
        Response open = given().auth().oauth2(OFFICER).get("/api/v1/payments/anything");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat((Object) open.path("code")).isEqualTo("UPSTREAM_CIRCUIT_OPEN");

        // the same upstream, another route: the providers' callbacks still arrive, and the catalogue is served
        Response callback = given().post("/api/v1/payments/callbacks/vnpay/ipn");
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat((Object) callback.path("service")).isEqualTo("payment");
        assertThat(given().get("/api/v1/procedures").statusCode()).isEqualTo(200);

        // and the payments route comes back after its (test) open period of 1 s
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(given().auth().oauth2(OFFICER).get("/api/v1/payments/anything").statusCode()).isEqualTo(200));
    }

    @Test
    void a_problem_answer_of_the_service_never_opens_the_circuit_however_many() {
        for (int i = 0; i < 10; i++) {
            Response provider = given().auth().oauth2(OFFICER).get("/api/v1/payments/test/provider-down");
            assertThat(provider.statusCode()).isEqualTo(502);
            assertThat((Object) provider.path("code")).isEqualTo("PROVIDER_UNAVAILABLE");
        }
        assertThat(given().auth().oauth2(OFFICER).get("/api/v1/payments/anything").statusCode()).isEqualTo(200);
    }

    private HttpRequest.Builder get(String pathAndQuery) {
        return HttpRequest.newBuilder(gateway.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
