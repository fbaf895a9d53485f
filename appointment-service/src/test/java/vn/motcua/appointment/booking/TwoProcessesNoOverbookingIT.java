package vn.motcua.appointment.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.KafkaResource;
import vn.motcua.testing.PostgresResource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Never overbook" with two real instances: two processes of the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}, as production runs it) on two ports, one fresh PostgreSQL database and
 * one Kafka broker. Many citizens, split across both processes and released at once, race for a slot of capacity
 * {@value #CAPACITY}: exactly that many get 201, all others 409 SLOT_FULL, and the database agrees.
 *
 * <p>Run by maven-failsafe in the integration-test phase, after packaging ({@code ./mvnw verify}). The processes,
 * the database and the broker are stopped in {@link #stopEverything()}, and by a shutdown hook should the JVM end
 * before JUnit gets there.
 */
class TwoProcessesNoOverbookingIT {

    private static final int CAPACITY = 5;
    private static final int CLIENTS = 60;
    private static final String PROCEDURE = "1.001193";
    private static final String BASE = "/api/v1/appointments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<Instance> instances = new ArrayList<>();
    private static PostgresResource postgres;
    private static Map<String, String> database;
    private static Thread stopOnExit;

    /** One process of the service: its ports (public, management), its OS process, and where its output goes. */
    private record Instance(String name, int port, int managementPort, Process process, Path log) {

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** Health is served on the management interface only. */
        URI managementUri(String path) {
            return URI.create("http://127.0.0.1:" + managementPort + path);
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }

    @BeforeAll
    static void startTwoProcesses() throws Exception {
        Path jar = Path.of(System.getProperty("appointment.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        Path publicKey = Path.of(System.getProperty("motcua.dev-public-key", "../platform/dev-keys/dev-jwt-public.pem"))
                .toAbsolutePath().normalize();
        assertThat(jar).as("the packaged application; run ./mvnw verify, which packages before this test").exists();
        assertThat(publicKey).as("the development public key").exists();
        stopOnExit = new Thread(TwoProcessesNoOverbookingIT::stopProcesses, "two-processes-it-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);

        String kafka = KafkaResource.broker().start().bootstrapServers();
        postgres = new PostgresResource();
        database = postgres.start();
        Path logs = Files.createDirectories(jar.getParent().getParent().resolve("two-processes-it"));
        for (String name : List.of("instance-1", "instance-2")) {
            int port = freePort();
            int managementPort = freePort();
            Path log = logs.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("MOTCUA_HTTP_PORT", Integer.toString(port));
            env.put("MOTCUA_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.get("quarkus.datasource.jdbc.url"));
            env.put("QUARKUS_DATASOURCE_USERNAME", database.get("quarkus.datasource.username"));
            env.put("QUARKUS_DATASOURCE_PASSWORD", database.get("quarkus.datasource.password"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("MOTCUA_JWT_PUBLIC_KEY_LOCATION", "file:" + publicKey);
            env.put("QUARKUS_PROFILE", "local"); // the development key is refused outside dev, test and local
            env.put("MOTCUA_LOG_JSON", "false");
            // two pools of the default 20 do not fit next to other work on a shared development server
            // (max_connections 100); 10 each is still more than the requests that can make progress at once,
            // since every booking of the slot queues on the same counter row anyway
            env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "10");
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "20S");
            instances.add(new Instance(name, port, managementPort, builder.start(), log));
        }
        for (Instance instance : instances) {
            awaitReady(instance);
        }
    }

    @AfterAll
    static void stopEverything() {
        stopProcesses();
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway
            }
        }
        if (postgres != null) {
            postgres.stop();
        }
        KafkaResource.broker().stop();
    }

    @Test
    void sixty_citizens_on_two_processes_racing_for_five_seats_exactly_five_get_one() throws Exception {
        Instance one = instances.get(0);
        Instance two = instances.get(1);
        String point = createServicePoint(one);
        OffsetDateTime start = workingDay(2).atTime(LocalTime.of(9, 0)).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
        assertThat(remaining(one, point, start)).isEqualTo(CAPACITY);
        assertThat(remaining(two, point, start)).isEqualTo(CAPACITY);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(DevTokens.subject("cd-it-" + UUID.randomUUID(), "citizen").claim("name", "Công dân thứ " + (i + 1))
                    .claim("email", "cong.dan" + i + "@example.vn").sign());
        }
        String body = JSON.writeValueAsString(Map.of("servicePointCode", point, "procedureCode", PROCEDURE,
                "slotStart", start.toString()));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                Instance target = i % 2 == 0 ? one : two;
                HttpRequest request = HttpRequest.newBuilder(target.uri(BASE + "/bookings"))
                        .header("Authorization", "Bearer " + tokens.get(i))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(clients.submit(() -> {
                    go.await();
                    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();

            int created = 0;
            int full = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    created++;
                    assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("HELD");
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                    assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("SLOT_FULL");
                    full++;
                }
            }
            assertThat(created).isEqualTo(CAPACITY);
            assertThat(full).isEqualTo(CLIENTS - CAPACITY);
        } finally {
            clients.shutdownNow();
        }

        assertThat(activeBookings(point, start)).isEqualTo(CAPACITY);
        assertThat(seatsBooked(point, start)).isEqualTo(CAPACITY);
        assertThat(remaining(one, point, start)).isZero();
        assertThat(remaining(two, point, start)).isZero();
        for (Instance instance : instances) {
            assertThat(instance.process().isAlive()).as(instance.name() + " still running").isTrue();
        }
    }

    private static String createServicePoint(Instance instance) throws Exception {
        String code = "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> point = Map.of(
                "code", code,
                "name", "Bộ phận một cửa kiểm thử hai tiến trình " + code,
                "agencyCode", "000.00.12.H29",
                "provinceCode", "01",
                "address", "Số 1 phố Thử Nghiệm, Hà Nội",
                "counters", List.of(Map.of("code", "Q01", "name", "Quầy 1", "counterGroup", "A")),
                "procedures", List.of(Map.of("procedureCode", PROCEDURE, "procedureName", "Đăng ký khai sinh",
                        "slotMinutes", 30, "publicQuota", CAPACITY, "internalQuota", 0, "counterGroup", "A")),
                "openingHours", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                        .map(day -> Map.of("dayOfWeek", day, "opens", "08:00", "closes", "17:00")).toList());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(instance.uri(BASE + "/service-points"))
                .header("Authorization", "Bearer " + DevTokens.admin("ad-it"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(point))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return code;
    }

    private static int remaining(Instance instance, String point, OffsetDateTime start) throws Exception {
        LocalDate day = start.toLocalDate();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(instance.uri(BASE + "/availability?procedureCode="
                        + PROCEDURE + "&servicePointCode=" + point + "&from=" + day + "&to=" + day)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode slot : JSON.readTree(response.body()).path("slots")) {
            if (OffsetDateTime.parse(slot.path("start").asText()).isEqual(start)) {
                return slot.path("remaining").asInt();
            }
        }
        throw new AssertionError("no slot " + start + " at " + point + " in " + response.body());
    }

    private static int activeBookings(String point, OffsetDateTime start) throws Exception {
        return scalar("select count(*) from booking b join service_point p on p.id = b.service_point_id "
                + "where p.code = ? and b.slot_start = ? and b.status in ('HELD', 'CONFIRMED')", point, start);
    }

    private static int seatsBooked(String point, OffsetDateTime start) throws Exception {
        return scalar("select c.booked from slot_counter c join service_point p on p.id = c.service_point_id "
                + "where p.code = ? and c.slot_start = ? and c.procedure_code = '" + PROCEDURE + "'", point, start);
    }

    private static int scalar(String sql, String point, OffsetDateTime start) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.get("quarkus.datasource.jdbc.url"),
                database.get("quarkus.datasource.username"), database.get("quarkus.datasource.password"));
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, point);
            query.setObject(2, start);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }

    /** Both processes migrate the same fresh database at once (Flyway's lock serialises them), then report ready. */
    private static void awaitReady(Instance instance) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!instance.process().isAlive()) {
                throw new AssertionError(instance.name() + " exited with " + instance.process().exitValue() + ":\n"
                        + instance.logTail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(instance.managementUri("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(instance.name() + " on port " + instance.port() + " not ready (" + last + "):\n"
                + instance.logTail());
    }

    /** SIGTERM (a graceful Quarkus shutdown), then SIGKILL for a process that does not end in time. */
    private static synchronized void stopProcesses() {
        for (Instance instance : instances) {
            instance.process().destroy();
        }
        for (Instance instance : instances) {
            try {
                if (!instance.process().waitFor(20, TimeUnit.SECONDS)) {
                    instance.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                instance.process().destroyForcibly();
            }
        }
        instances.clear();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The n-th working day after today (no weekend, no public holiday): inside the minimum notice and the horizon. */
    private static LocalDate workingDay(int n) {
        WorkingCalendar calendar = WorkingCalendar.vietnam();
        LocalDate day = LocalDate.now(WorkingCalendar.ZONE);
        for (int found = 0; found < n; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }
}
