package vn.motcua.delivery.waybill;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import vn.motcua.delivery.order.OrderService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.util.List;

/** Administrators add the waybill ranges operators allocate to us; orders waiting for a number leave at once. */
@Path("/api/v1/deliveries/admin/waybill-ranges")
@Tag(name = "Delivery administration")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WaybillRangeResource {

    @Inject
    WaybillRanges ranges;
    @Inject
    OrderService orders;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Caller caller;

    @Schema(name = "NewWaybillRange")
    public record NewRange(@NotBlank @Pattern(regexp = "[A-Z0-9_]{2,32}") @Schema(example = "VNPOST") String operatorCode,
                           @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(example = "EL") String prefix,
                           @NotBlank @Pattern(regexp = "[A-Z]{2}") @Schema(example = "VN") String suffix,
                           @NotNull @PositiveOrZero @Max(99_999_999) @Schema(example = "20000000") Long firstSerial,
                           @NotNull @PositiveOrZero @Max(99_999_999) @Schema(example = "20999999") Long lastSerial) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a pre-allocated waybill range",
            description = "Serials are the 8 digits of S10 numbers (prefix + serial + check digit + suffix). Orders "
                    + "waiting for a waybill number of this operator are dispatched right after. Accepts "
                    + "Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The range, with what is left")
    @APIResponse(responseCode = "400", description = "Invalid range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "WAYBILL_RANGE_OVERLAPS or IDEMPOTENCY_KEY_REUSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@NotNull @Valid NewRange range, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        if (range.firstSerial() > range.lastSerial()) {
            throw new CommonProblems.InvalidInput("lastSerial", "must not be below firstSerial");
        }
        Response response = idempotency.run("waybill-range.add", caller.subject(), key, range, () -> {
            WaybillRanges.Range added = ranges.add(range.operatorCode(), range.prefix(), range.suffix(),
                    range.firstSerial(), range.lastSerial());
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/deliveries/admin/waybill-ranges/" + added.id()), added);
        });
        // after the range is committed: the waiting orders take numbers from it
        orders.dispatchWaiting(range.operatorCode(), 500);
        return response;
    }

    @GET
    @Operation(summary = "Waybill ranges with the numbers left", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Ranges")
    public List<WaybillRanges.Range> list(@QueryParam("operatorCode") String operatorCode) {
        return ranges.list(operatorCode);
    }
}
