package vn.motcua.dossier.tracking;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.dossier.common.Clocks;
import vn.motcua.dossier.common.Texts;
import vn.motcua.dossier.dossier.Dossier;
import vn.motcua.dossier.dossier.DossierStatus;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/tracking")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Tracking")
public class TrackingResource {

    private static final int MAX_CODE_LENGTH = 64;

    @Inject
    EntityManager em;
    @Inject
    TrackingAttempts attempts;

    @Schema(name = "Tracking", description = "Status of a dossier without personal data")
    public record TrackingView(String code, String procedureCode, String procedureName, String agencyName,
                               DossierStatus status, int portalStatus, OffsetDateTime submittedAt,
                               OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean overdue,
                               OffsetDateTime resolvedAt, OffsetDateTime returnedAt) {
    }

    @GET
    @Path("/{code}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Track a dossier by code and a second factor",
            description = "Public. The dossier code plus the applicant's phone number or the tracking secret given at "
                    + "filing. A wrong factor and an unknown code give the same 404. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Status and due date")
    @APIResponse(responseCode = "400", description = "No second factor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown code or wrong factor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "TRACKING_LOCKED: too many wrong phone numbers for this code; retry "
            + "after Retry-After seconds or use the tracking secret", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrackingView track(@Parameter(example = "000.00.12.H29-261123-0001") @PathParam("code") String code,
                              @Parameter(example = "0912345678") @QueryParam("phone") String phone,
                              @Parameter(example = "K7M2Q9X4PA") @QueryParam("secret") String secret) {
        if ((phone == null || phone.isBlank()) && (secret == null || secret.isBlank())) {
            throw new CommonProblems.InvalidInput("phone", "give the applicant's phone number or the tracking secret");
        }
        if (code.length() > MAX_CODE_LENGTH) {
            throw new CommonProblems.NotFound("Dossier", code.substring(0, MAX_CODE_LENGTH));
        }
        boolean bySecret = secret != null && !secret.isBlank();
        if (!bySecret) {
            attempts.lockedFor(code).ifPresent(seconds -> {
                throw new TrackingLocked(code, seconds);
            });
        }
        List<Dossier> found = em.createQuery("select d from Dossier d where d.code = :code", Dossier.class)
                .setParameter("code", code).getResultList();
        Dossier d = found.isEmpty() ? null : found.get(0);
        boolean ok = d != null && (matches(Texts.phoneKey(phone), d.applicantPhoneKey) || matches(secret, d.trackingSecret));
        if (!ok) {
            attempts.recordFailure(code);
            throw new CommonProblems.NotFound("Dossier", code);
        }
        return new TrackingView(d.code, d.procedureCode, d.procedureName, d.agencyName, d.status, d.status.portalStatus(),
                Clocks.local(d.submittedAt), Clocks.local(d.receivedAt), Clocks.local(d.dueAt), d.overdue,
                Clocks.local(d.resolvedAt), Clocks.local(d.returnedAt));
    }

    private static boolean matches(String given, String expected) {
        if (given == null || given.isBlank() || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(given.trim().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
