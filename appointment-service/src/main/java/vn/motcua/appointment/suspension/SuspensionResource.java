package vn.motcua.appointment.suspension;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.web.Ids;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Intake suspensions")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "FORBIDDEN", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SuspensionResource {

    @Inject
    SuspensionService service;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Caller caller;

    @POST
    @Path("/suspensions")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Suspend in-person intake",
            description = "For service points, an administrative unit (province or commune code) or procedures, for a period. "
                    + "Officers act on their agency's service points only. Active bookings inside are cancelled with the reason "
                    + "(booking-cancelled events); new bookings are refused with 422 INTAKE_SUSPENDED. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Suspension", content = @Content(schema = @Schema(implementation = SuspensionDtos.SuspensionView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, UNKNOWN_ENUM_VALUE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SUSPENSION_SCOPE_EMPTY", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response suspend(@NotNull @Valid SuspensionDtos.CreateSuspension request,
                            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.run("suspension.create", caller.subject(), idempotencyKey, request, () -> {
            SuspensionService.Decided decided = service.suspend(request, caller);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/appointments/suspensions/" + decided.suspension().id),
                    view(decided.suspension(), decided.servicePoints(), decided.bookingsCancelled()));
        });
    }

    @GET
    @Path("/suspensions")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "List suspensions", description = "Active ones by default (active=false: all), newest first, paged. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Suspensions")
    public Page<SuspensionDtos.SuspensionView> list(@QueryParam("active") Boolean activeOnly,
                                                    @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<IntakeSuspension> found = service.list(activeOnly == null || activeOnly, PageRequest.of(page, size));
        return new Page<>(found.items().stream().map(s -> view(s, service.pointsOf(s), null)).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("/suspensions/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "One suspension", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Suspension", content = @Content(schema = @Schema(implementation = SuspensionDtos.SuspensionView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuspensionDtos.SuspensionView get(@PathParam("id") String id) {
        IntakeSuspension suspension = require(id);
        return view(suspension, service.pointsOf(suspension), null);
    }

    @POST
    @Path("/suspensions/{id}/end")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "End a suspension early", description = "Emits suspension-ended. Cancelled bookings stay cancelled.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(schema = @Schema(implementation = SuspensionDtos.SuspensionView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SUSPENSION_NOT_ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuspensionDtos.SuspensionView end(@PathParam("id") String id) {
        IntakeSuspension suspension = service.end(Ids.parse("Suspension", id), caller);
        return view(suspension, service.pointsOf(suspension), null);
    }

    @POST
    @Path("/suspensions/{id}/exceptions")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Request an urgent exception",
            description = "A citizen for themselves, or an officer for a citizen (body.citizen). A leader approves or rejects it; "
                    + "an approved exception lets that citizen book one slot inside the suspension. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = SuspensionDtos.ExceptionView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SUSPENSION_NOT_ACTIVE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestException(@PathParam("id") String id, @NotNull @Valid SuspensionDtos.CreateExceptionRequest request,
                                     @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        UUID suspensionId = Ids.parse("Suspension", id);
        return idempotency.run("suspension-exception.create", caller.subject(), idempotencyKey, request, () -> {
            SuspensionException exception = service.requestException(suspensionId, request, caller);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/appointments/exceptions/" + exception.id), view(exception));
        });
    }

    @GET
    @Path("/suspensions/{id}/exceptions")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Exception requests of a suspension", description = "Staff who manage it see all; a citizen their own. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Requests")
    public List<SuspensionDtos.ExceptionView> exceptions(@PathParam("id") String id) {
        return service.exceptionsOf(require(id), caller).stream().map(SuspensionResource::view).toList();
    }

    @GET
    @Path("/exceptions/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "One exception request", description = "Another citizen's request is 404. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Request", content = @Content(schema = @Schema(implementation = SuspensionDtos.ExceptionView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuspensionDtos.ExceptionView exception(@PathParam("id") String id) {
        return service.findException(Ids.parse("Exception request", id), caller).map(SuspensionResource::view)
                .orElseThrow(() -> new CommonProblems.NotFound("Exception request", id));
    }

    @POST
    @Path("/exceptions/{id}/approval")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Approve an urgent exception", description = "A leader of the agency concerned. Emits exception-approved.")
    @APIResponse(responseCode = "200", description = "Approved", content = @Content(schema = @Schema(implementation = SuspensionDtos.ExceptionView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "EXCEPTION_ALREADY_DECIDED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuspensionDtos.ExceptionView approve(@PathParam("id") String id, @Valid SuspensionDtos.Decision decision) {
        return view(service.decide(Ids.parse("Exception request", id), true, decision == null ? null : decision.note(), caller));
    }

    @POST
    @Path("/exceptions/{id}/rejection")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Reject an urgent exception", description = "A leader of the agency concerned, with a note. Emits exception-rejected.")
    @APIResponse(responseCode = "200", description = "Rejected", content = @Content(schema = @Schema(implementation = SuspensionDtos.ExceptionView.class)))
    @APIResponse(responseCode = "400", description = "note missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "EXCEPTION_ALREADY_DECIDED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SuspensionDtos.ExceptionView reject(@PathParam("id") String id, @Valid SuspensionDtos.Decision decision) {
        return view(service.decide(Ids.parse("Exception request", id), false, decision == null ? null : decision.note(), caller));
    }

    private IntakeSuspension require(String id) {
        return service.find(Ids.parse("Suspension", id)).orElseThrow(() -> new CommonProblems.NotFound("Suspension", id));
    }

    static SuspensionDtos.SuspensionView view(IntakeSuspension s, List<ServicePoint> points, Integer cancelled) {
        return new SuspensionDtos.SuspensionView(s.id.toString(), IntakeSuspension.ScopeType.valueOf(s.scopeType),
                s.scopeCodeList(), s.procedureCodeList(), points.stream().map(p -> p.code).toList(),
                SuspensionService.local(s.startsAt), SuspensionService.local(s.endsAt), s.reason, s.agencyCode, s.decidedBy,
                s.status, SuspensionService.local(s.endedAt), cancelled, s.version);
    }

    static SuspensionDtos.ExceptionView view(SuspensionException e) {
        String pointCode = e.servicePointId == null ? null
                : ServicePoint.<ServicePoint>findByIdOptional(e.servicePointId).map(p -> p.code).orElse(null);
        return new SuspensionDtos.ExceptionView(e.id.toString(), e.suspensionId.toString(), e.citizenId, e.citizenName,
                pointCode, e.procedureCode, e.reason, e.requestedBy, SuspensionService.local(e.requestedAt), e.status,
                e.decidedBy, SuspensionService.local(e.decidedAt), e.decisionNote,
                e.bookingId == null ? null : e.bookingId.toString(), e.version);
    }
}
