package vn.motcua.gateway.routing;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entry of the route table, compiled from configuration.
 *
 * @param methods empty = every method
 * @param roles   roles of which the caller needs one; see {@link #isPublic()} and {@link #anyAuthenticated()}
 */
public record Route(String name, PathPattern path, Set<String> methods, String upstream, Set<String> roles,
                    Duration timeout, long maxBodySize, String rateLimitPolicy) {

    public static final String PUBLIC = "public";
    public static final String AUTHENTICATED = "authenticated";

    public Route {
        methods = methods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        roles = roles.stream().map(String::trim).collect(Collectors.toUnmodifiableSet());
        if (roles.isEmpty()) {
            // a route nobody may call is a configuration mistake; fail at start-up rather than deny silently
            throw new IllegalArgumentException("route " + name + " names no roles (use 'public' for open routes)");
        }
        if (roles.contains(PUBLIC) && roles.size() > 1) {
            throw new IllegalArgumentException("route " + name + " is public and also names roles: " + roles);
        }
    }

    public boolean isPublic() {
        return roles.contains(PUBLIC);
    }

    public boolean anyAuthenticated() {
        return roles.contains(AUTHENTICATED);
    }

    public boolean allowsMethod(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** Whether a caller holding {@code callerRoles} may use this route. */
    public boolean admits(Set<String> callerRoles) {
        if (isPublic() || anyAuthenticated()) {
            return true;
        }
        for (String role : callerRoles) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
