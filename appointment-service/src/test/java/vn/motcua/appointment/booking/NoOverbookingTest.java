package vn.motcua.appointment.booking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.capacity.SlotLedger;
import vn.motcua.appointment.support.Fixtures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.support.Fixtures.at;

/**
 * Many clients race for the last seats of a slot against the real PostgreSQL: exactly the remaining capacity
 * succeeds, everyone else gets 409 SLOT_FULL, and the counter never exceeds the capacity.
 */
@QuarkusTest
class NoOverbookingTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void forty_concurrent_http_clients_for_the_last_five_seats_exactly_five_succeed() throws Exception {
        String point = Fixtures.servicePoint(8, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "09:00");
        for (int i = 0; i < 3; i++) {
            Fixtures.hold(Fixtures.citizen()[1], point, start).statusCode(201);
        }
        assertThat(Fixtures.remaining(point, start)).isEqualTo(5);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(Fixtures.citizen()[1]);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        List<Future<ExtractableResponse<Response>>> results = new ArrayList<>();
        for (String token : tokens) {
            results.add(clients.submit(() -> {
                go.await();
                return Fixtures.hold(token, point, start).extract();
            }));
        }
        go.countDown();
        int created = 0;
        int full = 0;
        for (Future<ExtractableResponse<Response>> result : results) {
            ExtractableResponse<Response> response = result.get(60, TimeUnit.SECONDS);
            if (response.statusCode() == 201) {
                created++;
            } else {
                assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(409);
                assertThat(response.<String>path("code")).isEqualTo("SLOT_FULL");
                full++;
            }
        }
        clients.shutdown();
        assertThat(created).isEqualTo(5);
        assertThat(full).isEqualTo(35);
        assertThat(booked(point, start)).isEqualTo(8);
        assertThat(heldBookings(point, start)).isEqualTo(8);
        assertThat(Fixtures.remaining(point, start)).isZero();
    }

    /**
     * A second instance: while HTTP clients book through this instance, a second, independent pool of database
     * connections (its own JDBC connections, not this application's pool or transactions) takes seats of the same
     * slot with the very statements the service runs ({@link SlotLedger#TAKE_SEAT}), as another instance of the
     * service would. The only coordination between them is the PostgreSQL row lock, and the total is still exact.
     */
    @Test
    void a_second_instance_racing_through_its_own_connections_cannot_overbook_either() throws Exception {
        String point = Fixtures.servicePoint(6, 0);
        OffsetDateTime start = at(Fixtures.workingDay(2), "10:30");
        Fixtures.hold(Fixtures.citizen()[1], point, start).statusCode(201); // creates the counter row, 5 seats left
        UUID pointId = pointId(point);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(Fixtures.citizen()[1]);
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService instanceOne = Executors.newFixedThreadPool(20);
        ExecutorService instanceTwo = Executors.newFixedThreadPool(20);
        List<Future<Integer>> httpResults = new ArrayList<>();
        List<Future<Boolean>> secondInstanceResults = new ArrayList<>();
        for (String token : tokens) {
            httpResults.add(instanceOne.submit(() -> {
                go.await();
                ExtractableResponse<Response> response = Fixtures.hold(token, point, start).extract();
                if (response.statusCode() == 409) {
                    assertThat(response.<String>path("code")).isEqualTo("SLOT_FULL");
                }
                return response.statusCode();
            }));
        }
        for (int i = 0; i < 20; i++) {
            secondInstanceResults.add(instanceTwo.submit((Callable<Boolean>) () -> {
                go.await();
                return takeSeatAsAnotherInstance(pointId, start, 6);
            }));
        }
        go.countDown();
        int httpCreated = 0;
        for (Future<Integer> result : httpResults) {
            int status = result.get(60, TimeUnit.SECONDS);
            assertThat(status).isIn(201, 409);
            httpCreated += status == 201 ? 1 : 0;
        }
        int otherInstanceTook = 0;
        for (Future<Boolean> result : secondInstanceResults) {
            otherInstanceTook += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        instanceOne.shutdown();
        instanceTwo.shutdown();
        assertThat(httpCreated + otherInstanceTook).isEqualTo(5);
        assertThat(booked(point, start)).isEqualTo(6);
        assertThat(heldBookings(point, start)).isEqualTo(1 + httpCreated);
    }

    private boolean takeSeatAsAnotherInstance(UUID pointId, OffsetDateTime start, int capacity) throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement ensure = connection.prepareStatement(jdbc(SlotLedger.ENSURE_ROW));
                 PreparedStatement take = connection.prepareStatement(jdbc(SlotLedger.TAKE_SEAT))) {
                ensure.setObject(1, pointId);
                ensure.setString(2, Fixtures.PROCEDURE);
                ensure.setObject(3, start);
                ensure.executeUpdate();
                take.setObject(1, pointId);
                take.setString(2, Fixtures.PROCEDURE);
                take.setObject(3, start);
                take.setInt(4, capacity);
                boolean taken = take.executeUpdate() == 1;
                Thread.sleep(20); // hold the row lock a little, as a transaction that also inserts its booking would
                connection.commit();
                return taken;
            }
        }
    }

    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d", "?");
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl, user, password.orElse(""));
    }

    private UUID pointId(String code) throws Exception {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("select id from service_point where code = ?")) {
            query.setString(1, code);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private int booked(String point, OffsetDateTime start) throws Exception {
        return scalar("select booked from slot_counter c join service_point p on p.id = c.service_point_id "
                + "where p.code = ? and c.procedure_code = '1.001193' and c.slot_start = ?", point, start);
    }

    private int heldBookings(String point, OffsetDateTime start) throws Exception {
        return scalar("select count(*) from booking b join service_point p on p.id = b.service_point_id "
                + "where p.code = ? and b.status = 'HELD' and b.slot_start = ?", point, start);
    }

    private int scalar(String sql, String point, OffsetDateTime start) throws Exception {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, point);
            query.setObject(2, start);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
