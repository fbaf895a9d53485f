package vn.motcua.gateway.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static Route route(String name, String path, Set<String> methods, String... roles) {
        return new Route(name, PathPattern.parse(path), methods, "up", Set.of(roles), Duration.ofSeconds(1), 1024, "default");
    }

    private final RouteTable table = new RouteTable(List.of(
            route("appointments", "/api/v1/appointments/**", Set.of(), "citizen"),
            route("points", "/api/v1/appointments/service-points/**", Set.of("GET", "HEAD"), "public"),
            route("procedures-read", "/api/v1/procedures/**", Set.of("get"), "public"),
            route("procedures-write", "/api/v1/procedures/**", Set.of("POST", "DELETE"), "admin")));

    @Test
    void the_most_specific_pattern_wins_whatever_the_order() {
        assertThat(table.match("GET", "/api/v1/appointments/service-points/sp-1/availability").route())
                .map(Route::name).contains("points");
        assertThat(table.match("GET", "/api/v1/appointments/bookings").route()).map(Route::name).contains("appointments");
    }

    @Test
    void a_method_not_named_by_the_specific_route_falls_to_the_general_one() {
        assertThat(table.match("POST", "/api/v1/appointments/service-points").route())
                .map(Route::name).contains("appointments");
    }

    @Test
    void methods_split_one_path_between_routes() {
        assertThat(table.match("GET", "/api/v1/procedures/1.001193").route()).map(Route::name).contains("procedures-read");
        assertThat(table.match("POST", "/api/v1/procedures").route()).map(Route::name).contains("procedures-write");
    }

    @Test
    void a_known_path_with_an_unknown_method_is_told_apart_from_an_unknown_path() {
        RouteTable.Match put = table.match("PUT", "/api/v1/procedures/1");
        assertThat(put.route()).isEmpty();
        assertThat(put.pathKnown()).isTrue();
        RouteTable.Match unknown = table.match("GET", "/api/v1/nothing");
        assertThat(unknown.route()).isEmpty();
        assertThat(unknown.pathKnown()).isFalse();
    }

    @Test
    void roles_admit_callers_holding_one_of_them() {
        Route route = route("r", "/x/**", Set.of(), "officer", "leader");
        assertThat(route.admits(Set.of("leader", "citizen"))).isTrue();
        assertThat(route.admits(Set.of("citizen"))).isFalse();
        assertThat(route.admits(Set.of())).isFalse();
        assertThat(route("p", "/x/**", Set.of(), "public").admits(Set.of())).isTrue();
        assertThat(route("a", "/x/**", Set.of(), "authenticated").admits(Set.of())).isTrue();
    }

    @Test
    void a_route_without_roles_or_public_with_roles_is_a_configuration_mistake() {
        assertThatThrownBy(() -> route("none", "/x/**", Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> route("both", "/x/**", Set.of(), "public", "admin")).isInstanceOf(IllegalArgumentException.class);
    }
}
