package vn.motcua.dossier.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.dossier.common.CurrentActor;
import vn.motcua.dossier.dossier.Dossier;
import vn.motcua.dossier.dossier.DossierService;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Roles;

import java.util.List;

import static vn.motcua.dossier.dossier.DossierResource.uuid;

@Path("/api/v1/dossiers/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    @Inject
    AuditTrail audit;
    @Inject
    DossierService dossiers;
    @Inject
    CurrentActor currentActor;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Audit trail of a dossier", description = "Every action: who, on whose behalf, role, when, "
            + "client, old → new status and values, reason (X-Audit-Reason header or the action's reason). Staff of "
            + "the dossier's agency and administrators. Append-only. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Entries, oldest first (at most 1000)")
    @APIResponse(responseCode = "403", description = "Not staff", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not a dossier of your agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AuditTrail.AuditEntryView> trail(@PathParam("id") String id) {
        Dossier dossier = dossiers.visible(uuid(id), currentActor.get());
        return audit.of(dossier.id);
    }
}
