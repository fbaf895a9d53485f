package vn.motcua.dossier.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.util.List;

/** Turns the verified token and the request headers of the current HTTP request into an {@link Actor}. */
@RequestScoped
public class CurrentActor {

    /**
     * Open Zaak's {@code X-Audit-Toelichting}, in English: the reason a client gives for a change (UTF-8,
     * percent-encoded when not ASCII).
     */
    public static final String AUDIT_REASON_HEADER = "X-Audit-Reason";
    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.ADMIN, Roles.LEADER, Roles.OFFICER, Roles.PORTAL,
            Roles.POSTAL_OPERATOR, Roles.CITIZEN);

    @Inject
    Caller caller;
    @Inject
    io.vertx.core.http.HttpServerRequest request;
    @Inject
    vn.motcua.web.request.ClientAddress clientAddress;

    public Actor get() {
        String role = ROLE_PRECEDENCE.stream().filter(caller::is).findFirst().orElse("unknown");
        String client = caller.claim("azp").or(() -> caller.claim("client_id"))
                .orElseGet(() -> headerOr("User-Agent", "unknown"));
        // the client's address as the gateway established it, not the gateway's own (the TCP peer)
        String address = clientAddress.get();
        String remote = address == null ? "" : " from " + address;
        String reason = decoded(header(AUDIT_REASON_HEADER));
        if (reason != null && reason.length() > 2000) {
            reason = reason.substring(0, 2000);
        }
        return new Actor(caller.subject(), role, caller.agencyCode().orElse(null), null,
                truncate(client + remote, 300), header("X-Request-Id"), reason);
    }

    public Caller caller() {
        return caller;
    }

    private String header(String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * HTTP header values are ISO-8859-1, so Vietnamese text cannot travel in them as is: clients percent-encode the
     * UTF-8 bytes ({@code Ti%E1%BA%BFp%20nh%E1%BA%ADn}), as RFC 8187 does for parameters. Plain ASCII passes through.
     */
    static String decoded(String value) {
        if (value == null || !value.contains("%")) {
            return value;
        }
        try {
            return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private String headerOr(String name, String fallback) {
        String value = header(name);
        return value == null ? fallback : value;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
