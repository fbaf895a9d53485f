package vn.motcua.dossier.common;

import java.util.Optional;

/**
 * Who performs an action, as the audit trail records it. Built from the token for HTTP requests and by the event
 * handlers for actions another service triggered, so that service methods never depend on a request scope.
 *
 * @param role       the role the action was taken in (citizen, officer, leader, admin, portal, system)
 * @param agencyCode the officer's agency, else null
 * @param onBehalfOf the applicant when the portal acts for them, else null
 * @param client     the calling client (token {@code azp}/{@code client_id} claim, or the User-Agent)
 * @param reason     the reason the client gave ({@code X-Audit-Reason} header or the request body)
 */
public record Actor(String id, String role, String agencyCode, String onBehalfOf, String client, String requestId,
                    String reason) {

    public static final String SYSTEM = "system";

    public static Actor system(String component) {
        return new Actor(component, SYSTEM, null, null, component, null, null);
    }

    public Actor withReason(String reason) {
        return new Actor(id, role, agencyCode, onBehalfOf, client, requestId, reason);
    }

    public Actor onBehalfOf(String applicantId) {
        return new Actor(id, role, agencyCode, applicantId, client, requestId, reason);
    }

    public boolean is(String role) {
        return this.role.equals(role);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }
}
