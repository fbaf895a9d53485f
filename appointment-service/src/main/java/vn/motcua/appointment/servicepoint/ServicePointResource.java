package vn.motcua.appointment.servicepoint;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.appointment.capacity.CapacityPolicy;
import vn.motcua.appointment.servicepoint.ServicePointDtos.CapacityPolicyView;
import vn.motcua.appointment.servicepoint.ServicePointDtos.ClosureView;
import vn.motcua.appointment.servicepoint.ServicePointDtos.ServicePointView;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.util.List;

@Path("/api/v1/appointments/service-points")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service points")
public class ServicePointResource {

    @Inject
    ServicePointService service;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Caller caller;

    @GET
    @PermitAll
    @Operation(summary = "List service points", description = "Public. Filter by a procedure served or a province. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "A page of service points")
    @APIResponse(responseCode = "400", description = "Bad page parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ServicePointView> list(@Parameter(example = "1.001193") @QueryParam("procedureCode") String procedureCode,
                                       @Parameter(example = "01") @QueryParam("provinceCode") String provinceCode,
                                       @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(procedureCode, provinceCode, PageRequest.of(page, size));
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One service point", description = "Public: counters, procedures with slot length and quotas, weekly hours. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The service point", content = @Content(schema = @Schema(implementation = ServicePointView.class)))
    @APIResponse(responseCode = "404", description = "No such service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServicePointView get(@Parameter(example = "HN-BADINH-MC") @PathParam("code") String code) {
        return ServicePointView.of(service.require(code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Create a service point", description = "Admin. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ServicePointView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or opening hours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SERVICE_POINT_EXISTS", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid ServicePointDtos.CreateServicePoint request,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        return idempotency.run("service-point.create", caller.subject(), idempotencyKey, request, () -> {
            ServicePoint point = service.create(request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/appointments/service-points/" + point.code),
                    ServicePointView.of(point));
        });
    }

    @GET
    @Path("/{code}/closures")
    @PermitAll
    @Operation(summary = "Local closures of a service point", description = "Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Closures")
    @APIResponse(responseCode = "404", description = "No such service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ClosureView> closures(@PathParam("code") String code) {
        return service.closures(service.require(code)).stream().map(ClosureView::of).toList();
    }

    @POST
    @Path("/{code}/closures")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Close a service point on some days", description = "Officers of the point's agency. Slots on those days disappear from availability.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ClosureView.class)))
    @APIResponse(responseCode = "400", description = "Invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "NOT_YOUR_SERVICE_POINT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addClosure(@PathParam("code") String code, @NotNull @Valid ServicePointDtos.CreateClosure request) {
        ServicePoint point = service.require(code);
        StaffScope.requireManages(caller, point);
        Closure closure = service.addClosure(point, request, caller.subject());
        return Response.created(URI.create("/api/v1/appointments/service-points/" + code + "/closures")).entity(ClosureView.of(closure)).build();
    }

    @GET
    @Path("/{code}/capacity-policies")
    @PermitAll
    @Operation(summary = "Capacity policies of a service point", description = "Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Policies")
    @APIResponse(responseCode = "404", description = "No such service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CapacityPolicyView> policies(@PathParam("code") String code) {
        return service.policies(service.require(code)).stream().map(CapacityPolicyView::of).toList();
    }

    @POST
    @Path("/{code}/capacity-policies")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Add a capacity policy", description = "Officers of the point's agency. E.g. 50 % of seats, at most 2 people per slot, "
            + "from a date. Applies to new bookings; existing bookings are kept.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CapacityPolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "NOT_YOUR_SERVICE_POINT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addPolicy(@PathParam("code") String code, @NotNull @Valid ServicePointDtos.CreateCapacityPolicy request) {
        ServicePoint point = service.require(code);
        StaffScope.requireManages(caller, point);
        CapacityPolicy policy = service.addPolicy(point, request, caller.subject());
        return Response.created(URI.create("/api/v1/appointments/service-points/" + code + "/capacity-policies"))
                .entity(CapacityPolicyView.of(policy)).build();
    }
}
