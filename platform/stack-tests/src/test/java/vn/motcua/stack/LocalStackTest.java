package vn.motcua.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two promises of the README, checked on the packaged build: {@code ./motcua up} brings the six applications,
 * Kafka and the databases up as separate processes, a draft dossier travels through real Kafka into the citizen's
 * inbox via the gateway, the main journey of {@code ./motcua demo} (file with documents, pay through the sandbox
 * provider, receive, supplement, resolve, postal pickup, a failed then a successful delivery, returned) completes
 * across all six services, {@code up} twice starts nothing twice, and {@code down} leaves no process of ours.
 * Runs on ports of its own (18080–18085, management 19080–19085, Kafka 19092) and a state directory under target/,
 * so a developer's running stack is not disturbed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackTest {

    private static final Path HOME = Repo.ROOT.resolve("platform/stack-tests/target/stack-home");
    private static final Map<String, String> ENV = new HashMap<>(Map.ofEntries(
            Map.entry("MOTCUA_HOME", HOME.toString()),
            Map.entry("MOTCUA_KAFKA_PORT", "19092"),
            Map.entry("MOTCUA_PORT_GATEWAY", "18080"),
            Map.entry("MOTCUA_PORT_DOSSIER", "18081"),
            Map.entry("MOTCUA_PORT_APPOINTMENT", "18082"),
            Map.entry("MOTCUA_PORT_PAYMENT", "18083"),
            Map.entry("MOTCUA_PORT_POSTAL_DELIVERY", "18084"),
            Map.entry("MOTCUA_PORT_NOTIFICATION", "18085"),
            // databases of its own (motcua_dossier_stacktest, ...): never the developer's
            Map.entry("MOTCUA_DB_SUFFIX", "_stacktest")));

    @BeforeAll
    static void applicationsArePackaged() {
        for (String application : Repo.APPLICATIONS) {
            assertThat(Repo.ROOT.resolve(application + "/target/quarkus-app/quarkus-run.jar"))
                    .as("run the whole build (./mvnw verify): %s is not packaged", application).exists();
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        Motcua.run(ENV, "down");
    }

    @Test
    @Order(1)
    void a_taken_port_is_refused_with_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> env = new HashMap<>(ENV);
            env.put("MOTCUA_HOME", HOME.resolveSibling("stack-home-taken").toString());
            env.put("MOTCUA_KAFKA_PORT", String.valueOf(taken.getLocalPort()));
            Motcua.Result result = Motcua.run(env, "up");
            assertThat(result.exit()).isNotZero();
            assertThat(result.stderrLines()).hasSize(1);
            assertThat(result.stderr()).contains("port " + taken.getLocalPort() + " is taken");
        }
    }

    @Test
    @Order(2)
    void an_unwritable_state_directory_is_refused_with_one_line() throws Exception {
        Path file = Files.writeString(HOME.resolveSibling("not-a-directory"), "x");
        Map<String, String> env = new HashMap<>(ENV);
        env.put("MOTCUA_HOME", file.resolve("state").toString());
        Motcua.Result result = Motcua.run(env, "up");
        assertThat(result.exit()).isNotZero();
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).contains("not writable");
    }

    @Test
    @Order(3)
    void a_missing_postgresql_is_explained_in_one_line() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // as a normal user, up starts an embedded PostgreSQL instead (see LocalPostgres)
        }
        Map<String, String> env = new HashMap<>(ENV);
        env.put("MOTCUA_HOME", HOME.resolveSibling("stack-home-nopg").toString());
        env.put("MOTCUA_PG_PORT", String.valueOf(freePortNotListening()));
        Motcua.Result result = Motcua.run(env, "up");
        assertThat(result.exit()).isNotZero();
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).contains("no PostgreSQL");
    }

    @Test
    @Order(10)
    void up_brings_the_platform_to_healthy_and_the_draft_reaches_the_inbox_through_kafka() throws Exception {
        Map<String, String> fresh = new HashMap<>(ENV);
        fresh.put("MOTCUA_DB_RECREATE", "true"); // the first up of the run starts from empty databases
        Motcua.Result up = Motcua.run(fresh, "up");
        assertThat(up.exit()).as(up.all()).isZero();
        assertThat(up.stdout()).contains("all six applications healthy in");
        Map<String, Long> pids = Motcua.pids(HOME);
        assertThat(pids).containsKeys("kafka", "gateway", "dossier-service", "notification-service");

        Motcua.Result again = Motcua.run(ENV, "up");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.stdout()).contains("kafka: already running", "gateway: already running");
        assertThat(Motcua.pids(HOME)).isEqualTo(pids);

        Motcua.Result check = Motcua.run(ENV, "check");
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.stdout()).contains("wiring OK");

        Motcua.Result demo = Motcua.run(ENV, "demo");
        assertThat(demo.exit()).as(demo.all()).isZero();
        assertThat(demo.stdout()).contains("đã thanh toán", "trạng thái RETURNED", "Đã trả kết quả hồ sơ", "Hành trình hoàn tất",
                "Hành trình đặt lịch hoàn tất.");

        Motcua.Result status = Motcua.run(ENV, "status");
        assertThat(status.stdout()).contains("gateway").doesNotContain("NOT ready");

        Motcua.Result down = Motcua.run(ENV, "down");
        assertThat(down.exit()).as(down.all()).isZero();
        for (Map.Entry<String, Long> pid : pids.entrySet()) {
            assertThat(Motcua.alive(pid.getValue()))
                    .as("%s (pid %d) still running after down", pid.getKey(), pid.getValue()).isFalse();
        }
    }

    private static int freePortNotListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
