package vn.motcua.notification.portal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.notification.message.Times;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/notifications/portal-sync")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
@SecurityRequirement(name = "jwt")
@Tag(name = "National portal sync", description = "Per-dossier status sync to the national public-service portal")
public class PortalSyncResource {

    @Inject
    PortalSyncService syncs;
    @Inject
    Caller caller;

    public record SyncView(String dossierId, String dossierCode, String agencyCode, int portalStatus, String status,
                           int revision,
                           @Schema(description = "The last revision the portal accepted; the ones after it are pushed in order")
                           int pushedRevision, String lastEventType, OffsetDateTime lastEventAt,
                           @Schema(example = "SYNCED", description = "PENDING, SENDING, SYNCED or FAILED") String state,
                           boolean knownToPortal, int attempts, OffsetDateTime nextAttemptAt, String lastErrorCode,
                           String lastError, OffsetDateTime syncedAt, List<PortalSyncService.LogEntry> log) {
        static SyncView of(PortalSync s, List<PortalSyncService.LogEntry> log) {
            return new SyncView(s.dossierId, s.dossierCode, s.agencyCode, s.portalStatus, s.statusName, s.revision,
                    s.pushedRevision, s.lastEventType, Times.local(s.lastEventAt), s.state, s.knownToPortal, s.attempts,
                    Times.local(s.nextAttemptAt), s.lastErrorCode, s.lastError, Times.local(s.syncedAt), log);
        }
    }

    private Optional<String> scope() {
        return caller.is(Roles.ADMIN) ? Optional.empty() : Optional.of(caller.requireAgency());
    }

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @GET
    @Operation(summary = "Sync states of my agency's dossiers", description = "Filter state=FAILED to see what needs a "
            + "re-sync. Officers see their agency only; admins all. Eventually consistent with dossier-service.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown state or bad page", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not staff, or an officer token without agency", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<SyncView> list(@QueryParam("state") String state, @QueryParam("page") Integer page,
                               @QueryParam("size") Integer size) {
        Optional<PortalSync.State> filter = Optional.ofNullable(state).map(s -> {
            try {
                return PortalSync.State.valueOf(s.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommonProblems.InvalidInput("state", "must be PENDING, SENDING, SYNCED or FAILED");
            }
        });
        Page<PortalSync> result = syncs.list(scope(), filter, PageRequest.of(page, size));
        return new Page<>(result.items().stream().map(s -> SyncView.of(s, List.of())).toList(), result.page(),
                result.size(), result.total());
    }

    @GET
    @Path("/{dossierId}")
    @Operation(summary = "A dossier's sync state, with the log of pushes", description = "Eventually consistent.")
    @APIResponse(responseCode = "200", description = "The state")
    @APIResponse(responseCode = "404", description = "Unknown dossier, or another agency's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SyncView get(@PathParam("dossierId") String dossierId) {
        PortalSync sync = syncs.get(dossierId, scope());
        return SyncView.of(sync, syncs.log(dossierId));
    }

    @POST
    @Path("/{dossierId}/resync")
    @Operation(summary = "Push the dossier's pending revisions to the portal again",
            description = "For a FAILED dossier once the cause is fixed: fresh attempts, due at once, starting from the "
                    + "oldest revision the portal has not accepted. For a SYNCED dossier the latest revision is pushed again. "
                    + "Returns the state right after queueing (PENDING).")
    @APIResponse(responseCode = "200", description = "Queued")
    @APIResponse(responseCode = "404", description = "Unknown dossier, or another agency's", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Being pushed right now (PORTAL_SYNC_IN_FLIGHT)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SyncView resync(@PathParam("dossierId") String dossierId) {
        return SyncView.of(syncs.resync(dossierId, scope()), List.of());
    }
}
