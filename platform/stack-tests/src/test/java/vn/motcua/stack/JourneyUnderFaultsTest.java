package vn.motcua.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.SmtpServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole platform as separate processes, two instances of every application behind both gateways, a real SMTP
 * server and a test national portal, and faults injected while the demo journey runs:
 * <ol>
 * <li>every consumer group shares its partitions between the two instances of its service;</li>
 * <li>the main journey (file, pay, receive, supplement, resolve, post, deliver) completes although both
 *     notification-service instances are killed (SIGKILL) right after submission, and Kafka is stopped when the
 *     officer starts working and started again (with notification-service) while the journey goes on; the payment
 *     provider replays its notification (one payment). Afterwards the mailbox
 *     holds each email exactly once, the inbox each notification once, the portal every status in order and the
 *     statistics count the dossier once;</li>
 * <li>PostgreSQL restarts under the running services; they recover, and the wiring check and the booking journey
 *     (book, suspension cancels, urgent exception, rebook, check in, served) then run through the second gateway.</li>
 * </ol>
 * Own ports (gateway 18300, services 18301–18305, second instances +100, management ports +1000, Kafka 19392)
 * and databases ({@code *_faulttest}, recreated), so it disturbs neither a developer's stack nor {@link LocalStackTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyUnderFaultsTest {

    private static final Path HOME = Repo.ROOT.resolve("platform/stack-tests/target/fault-home");
    private static final String KAFKA = "127.0.0.1:19392";
    private static final String GATEWAY = "http://127.0.0.1:18300";
    private static final String SECOND_GATEWAY = "http://127.0.0.1:18400";
    private static final String CITIZEN_EMAIL = "an.nguyen@example.vn";
    private static final Map<String, String> ENV = new HashMap<>(Map.ofEntries(
            Map.entry("MOTCUA_HOME", HOME.toString()),
            Map.entry("MOTCUA_INSTANCES", "2"),
            Map.entry("MOTCUA_KAFKA_PORT", "19392"),
            Map.entry("MOTCUA_PORT_GATEWAY", "18300"),
            Map.entry("MOTCUA_PORT_DOSSIER", "18301"),
            Map.entry("MOTCUA_PORT_APPOINTMENT", "18302"),
            Map.entry("MOTCUA_PORT_PAYMENT", "18303"),
            Map.entry("MOTCUA_PORT_POSTAL_DELIVERY", "18304"),
            Map.entry("MOTCUA_PORT_NOTIFICATION", "18305"),
            Map.entry("MOTCUA_DB_SUFFIX", "_faulttest"),
            Map.entry("MOTCUA_EMAIL_MODE", "smtp"),
            Map.entry("MOTCUA_SMTP_HOST", "127.0.0.1"),
            Map.entry("MOTCUA_SMTP_STARTTLS", "DISABLED"),
            Map.entry("MOTCUA_PORTAL_ENABLED", "true"),
            Map.entry("MOTCUA_PORTAL_TOKEN", PortalReceiver.TOKEN)));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SmtpServer smtp;
    private static PortalReceiver portal;
    private static String dossierCode;

    private static Path journeyScript(String name) {
        return Repo.ROOT.resolve("platform/launcher/demo/" + name);
    }

    @BeforeAll
    static void upWithTwoInstancesOfEverything() throws Exception {
        smtp = new SmtpServer();
        portal = new PortalReceiver();
        ENV.put("MOTCUA_SMTP_PORT", String.valueOf(smtp.port()));
        ENV.put("MOTCUA_PORTAL_URL", portal.url());
        Map<String, String> fresh = new HashMap<>(ENV);
        fresh.put("MOTCUA_DB_RECREATE", "true");
        Motcua.Result up = Motcua.run(fresh, "up");
        assertThat(up.exit()).as(up.all()).isZero();
        assertThat(up.stdout()).contains("(2 instances each) healthy", "gateway-2: healthy", "notification-service-2: healthy");
    }

    @AfterAll
    static void down() throws Exception {
        Map<String, Long> pids = Motcua.pids(HOME);
        Motcua.Result down = Motcua.run(ENV, "down");
        if (smtp != null) {
            smtp.close();
        }
        if (portal != null) {
            portal.close();
        }
        assertThat(down.exit()).as(down.all()).isZero();
        pids.forEach((name, pid) -> assertThat(Motcua.alive(pid)).as("%s still running after down", name).isFalse());
    }

    @Test
    @Order(1)
    void every_consumer_group_shares_its_partitions_between_the_two_instances() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            AtomicReference<Map<String, ConsumerGroupDescription>> groups = new AtomicReference<>(Map.of());
            awaitTrue("every consumer group to have two members with partitions each", Duration.ofSeconds(120), () -> {
                groups.set(describeGroups(admin));
                return groups.get().size() >= 4 && groups.get().values().stream().allMatch(JourneyUnderFaultsTest::sharedByTwo);
            });
            for (ConsumerGroupDescription group : groups.get().values()) {
                Set<TopicPartition> seen = new HashSet<>();
                for (MemberDescription member : group.members()) {
                    for (TopicPartition partition : member.assignment().topicPartitions()) {
                        assertThat(seen.add(partition)).as("%s assigned to two members of %s", partition, group.groupId()).isTrue();
                    }
                }
            }
            assertThat(groups.get().keySet()).as("consumer groups").anyMatch(g -> g.contains("notification"))
                    .anyMatch(g -> g.contains("dossier")).anyMatch(g -> g.contains("payment"));
        }
    }

    @Test
    @Order(2)
    void the_journey_survives_a_killed_consumer_and_a_kafka_restart_and_nothing_is_sent_twice() throws Exception {
        Process journey = new ProcessBuilder("python3", journeyScript("journey.py").toString(), GATEWAY)
                .directory(Repo.ROOT.toFile()).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        List<String> faults = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(journey.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.contains("Công dân nộp hồ sơ")) {
                    faults.add(killNotificationService());
                } else if (line.contains("Cán bộ Sở Tư pháp tiếp nhận")) {
                    // the officer's next commands (receive, supplement, resolve) commit their events while Kafka
                    // is down; the journey then waits for the delivery order, which needs them delivered
                    Motcua.Result stop = Motcua.run(ENV, "stop", "kafka");
                    assertThat(stop.exit()).as(stop.all()).isZero();
                    faults.add("stopped kafka");
                    faults.add(startAgain("kafka and both notification-service instances"));
                }
            }
        }
        assertThat(journey.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = output.toString();
        assertThat(journey.exitValue()).as(out).isZero();
        assertThat(faults).as(out).hasSize(3);
        assertThat(out).contains("số khoản thanh toán của hồ sơ: 1", "trạng thái RETURNED", "Hành trình hoàn tất");
        Matcher code = Pattern.compile("mã hồ sơ (\\S+) ·").matcher(out);
        assertThat(code.find()).as(out).isTrue();
        dossierCode = code.group(1);

        // one payment, even though the provider notified twice
        assertThat(count("motcua_payment", """
                select count(*) from payment p join payment_obligation o on o.id = p.obligation_id
                where o.dossier_code = ? and p.status = 'SUCCEEDED'""", dossierCode)).isEqualTo(1);

        // each email on its way exactly once: the mailbox holds precisely the messages the service recorded as sent
        awaitTrue("the last email (returned) to reach the mailbox", Duration.ofSeconds(60),
                () -> subjectsTo(CITIZEN_EMAIL).stream().anyMatch(s -> s.contains("Đã trả kết quả hồ sơ " + dossierCode)));
        awaitTrue("every email message row to be sent", Duration.ofSeconds(60), () -> count("motcua_notification", """
                select count(*) from notification_message where channel = 'EMAIL' and address = ?
                and status not in ('SENT', 'DELIVERED')""", CITIZEN_EMAIL) == 0);
        List<String> recorded = strings("motcua_notification", """
                select title from notification_message where channel = 'EMAIL' and address = ? order by title""", CITIZEN_EMAIL);
        assertThat(recorded).hasSizeGreaterThanOrEqualTo(10);
        assertThat(subjectsTo(CITIZEN_EMAIL)).containsExactlyInAnyOrderElementsOf(recorded);

        // the in-app inbox: one notification per event, none twice
        List<String> inbox = strings("motcua_notification", """
                select source_event_id from notification_message where channel = 'IN_APP' and dossier_id =
                (select dossier_id from portal_sync where dossier_code = ?)""", dossierCode);
        assertThat(inbox).hasSizeGreaterThanOrEqualTo(15).doesNotHaveDuplicates();

        // the national portal received every status the dossier went through, in order: one push per dossier event
        // (draft excepted), each carrying that event's id as its key, in the order dossier-service committed them
        List<String> events = strings("motcua_dossier", """
                select event_id || ' ' || (payload::jsonb #>> '{data,dossier,portalStatus}') from outbox_event
                where topic = 'dossier.events' and event_type <> 'vn.motcua.dossier.draft-created.v1'
                and event_key = (select id::text from dossier where code = ?) order by id""", dossierCode);
        assertThat(events).as("dossier events of the journey").hasSizeGreaterThanOrEqualTo(8);
        List<PortalReceiver.Accepted> expected = events.stream().map(e -> e.split(" "))
                .map(e -> new PortalReceiver.Accepted(Integer.parseInt(e[1]), e[0])).toList();
        awaitTrue("the portal to receive all " + expected.size() + " statuses", Duration.ofSeconds(60),
                () -> portal.acceptedOf(dossierCode).size() >= expected.size());
        assertThat(portal.acceptedOf(dossierCode)).as("pushes accepted by the portal (%d repeats dropped)",
                portal.repeatsOf(dossierCode)).containsExactlyElementsOf(expected);
        assertThat(portal.statusesOf(dossierCode)).contains(2, 5, 4, 9).endsWith(10);
        System.out.printf("stack-test: the portal received statuses %s (%d repeated pushes dropped)%n",
                portal.statusesOf(dossierCode), portal.repeatsOf(dossierCode));

        // statistics count the dossier once, read through the second gateway
        String officer = DevTokens.officer("cb-tuphap-01", "000.21.27.H29");
        String stats = get(SECOND_GATEWAY + "/api/v1/statistics?agencyCode=000.21.27.H29", officer);
        assertThat(stats).contains("\"submitted\":1", "\"returned\":1", "\"paidOnline\":1");
    }

    @Test
    @Order(3)
    void services_recover_from_a_postgresql_restart_and_the_booking_journey_runs_through_the_second_gateway() throws Exception {
        String how = PostgresRestart.restart(ENV.get("MOTCUA_DB_SUFFIX"));
        System.out.println("stack-test: PostgreSQL fault: " + how);
        // readiness is on each instance's management port: its HTTP port (18301–18305, 18401–18405) + 1000
        for (int port : List.of(19301, 19302, 19303, 19304, 19305, 19401, 19402, 19403, 19404, 19405)) {
            awaitTrue("management port " + port + " ready again after the PostgreSQL restart", Duration.ofSeconds(120),
                    () -> status("http://127.0.0.1:" + port + "/q/health/ready") == 200);
        }
        Map<String, String> second = new HashMap<>(ENV);
        second.put("MOTCUA_PORT_GATEWAY", "18400");
        Motcua.Result check = Motcua.run(second, "check");
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.stdout()).contains("wiring OK");

        Process booking = new ProcessBuilder("python3", journeyScript("booking.py").toString(), SECOND_GATEWAY)
                .directory(Repo.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(booking.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(booking.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(booking.exitValue()).as(out).isZero();
        assertThat(out).contains("Hành trình đặt lịch hoàn tất.");
    }

    // ------------------------------------------------------------------ faults

    private static String killNotificationService() throws Exception {
        Map<String, Long> pids = Motcua.pids(HOME);
        for (String name : List.of("notification-service", "notification-service-2")) {
            ProcessHandle.of(pids.get(name)).ifPresent(ProcessHandle::destroyForcibly);
        }
        awaitTrue("notification-service to be dead", Duration.ofSeconds(30),
                () -> !Motcua.alive(pids.get("notification-service")) && !Motcua.alive(pids.get("notification-service-2")));
        return "killed notification-service (SIGKILL, both instances)";
    }

    private static String startAgain(String what) throws Exception {
        Motcua.Result up = Motcua.run(ENV, "up");
        assertThat(up.exit()).as(up.all()).isZero();
        return "started again: " + what;
    }

    // ------------------------------------------------------------------ reading the outcome

    /** Every subject mailed to the address: before the third test, only the journey's citizen uses it. */
    private static List<String> subjectsTo(String address) {
        return smtp.mailsTo(address).stream().map(SmtpServer.ReceivedMail::subject).toList();
    }

    private static Map<String, ConsumerGroupDescription> describeGroups(Admin admin) {
        try {
            Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get();
            List<String> ids = listings.stream().map(ConsumerGroupListing::groupId).toList();
            return admin.describeConsumerGroups(ids).all().get();
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static boolean sharedByTwo(ConsumerGroupDescription group) {
        return group.members().size() == 2
                && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().replace(" ", "");
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long count(String database, String sql, String parameter) {
        return Long.parseLong(strings(database, sql, parameter).get(0));
    }

    private static List<String> strings(String database, String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database + ENV.get("MOTCUA_DB_SUFFIX"), "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError("query on " + database + " failed: " + e.getMessage(), e);
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
}
