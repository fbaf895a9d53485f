package vn.motcua.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The route table: finds the route of a request. Among the routes whose pattern and method match, the most specific
 * pattern wins (so {@code /api/v1/appointments/service-points/**} beats {@code /api/v1/appointments/**}), then the
 * one that names methods beats one that takes every method. Plain Java.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route r) -> r.path().specificity())
                .thenComparing(r -> r.methods().isEmpty() ? 0 : 1)
                .reversed()
                .thenComparing(Route::name));
        this.routes = List.copyOf(sorted);
    }

    public List<Route> routes() {
        return routes;
    }

    public Match match(String method, String path) {
        boolean pathKnown = false;
        List<String> segments = PathPattern.segments(path);
        for (Route route : routes) {
            if (route.path().matches(segments)) {
                if (route.allowsMethod(method)) {
                    return new Match(Optional.of(route), true);
                }
                pathKnown = true;
            }
        }
        return new Match(Optional.empty(), pathKnown);
    }

    /**
     * @param route     the route, if the path and method match one
     * @param pathKnown whether some route has this path (so a miss is a 405, not a 404)
     */
    public record Match(Optional<Route> route, boolean pathKnown) {
    }
}
