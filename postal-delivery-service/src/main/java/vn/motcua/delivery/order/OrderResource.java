package vn.motcua.delivery.order;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * Delivery orders for citizens (their own) and officers (their agency's). All reads are strongly consistent with
 * this service's database; operator reports appear as soon as they are accepted.
 */
@Path("/api/v1/deliveries")
@Tag(name = "Deliveries")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    OrderService orders;
    @Inject
    Caller caller;
    @Inject
    vn.motcua.web.request.ClientAddress clientAddress;

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "List delivery orders",
            description = "A citizen sees their own orders, an officer or leader their agency's, an administrator all "
                    + "(optionally of one agency). Newest first. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page of orders (without timelines)")
    @APIResponse(responseCode = "400", description = "Unknown status/kind, page size over 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<DeliveryView> list(@QueryParam("status") @Parameter(example = "DELIVERY_FAILED",
                                           schema = @Schema(implementation = DeliveryStatus.class)) String status,
                                   @QueryParam("kind") @Parameter(schema = @Schema(implementation = DeliveryKind.class))
                                   String kind,
                                   @QueryParam("dossierCode") @Size(max = 64) String dossierCode,
                                   @QueryParam("agencyCode") @Parameter(description = "administrators only")
                                   @Size(max = 32) String agencyCode,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        Page<DeliveryOrder> found = orders.list(new OrderService.Filter(enumOf(DeliveryStatus.class, "status", status),
                        enumOf(DeliveryKind.class, "kind", kind), agencyCode, dossierCode),
                Viewer.of(caller), request);
        return new Page<>(found.items().stream().map(o -> DeliveryView.of(o, false)).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/by-dossier/{dossierCode}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Track the deliveries of a dossier",
            description = "Document pickup and result return of one dossier, each with its timeline. A citizen gets "
                    + "404 for a dossier that is not theirs. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The dossier's orders, oldest first")
    @APIResponse(responseCode = "404", description = "No order of this dossier is visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeliveryView> byDossier(@PathParam("dossierCode") @Size(max = 64) String dossierCode) {
        List<DeliveryOrder> found = orders.byDossierCode(dossierCode, Viewer.of(caller));
        if (found.isEmpty()) {
            throw new CommonProblems.NotFound("Deliveries of dossier", dossierCode);
        }
        return found.stream().map(o -> DeliveryView.of(o, true)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "One delivery order with its timeline", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order, or not yours / not your agency's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView get(@PathParam("id") UUID id) {
        return orders.find(id, Viewer.of(caller)).map(o -> DeliveryView.of(o, true))
                .orElseThrow(() -> new CommonProblems.NotFound("Delivery order", id.toString()));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Officers' changes to an order (append-only audit trail)", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Who did what, when, from where")
    @APIResponse(responseCode = "404", description = "No such order in your agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrderService.AuditView> audit(@PathParam("id") UUID id) {
        return orders.audit(id, Viewer.of(caller));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Cancel an order before the operator picks it up",
            description = "The operator is told on postal.orders (order-cancelled); a CANCELLED status change is "
                    + "published on delivery.events. Audited.")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "404", description = "No such order in your agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "CANCEL_NOT_ALLOWED (already picked up) or VERSION_CONFLICT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView cancel(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.Cancellation request,
                               @Context HttpServerRequest http) {
        return DeliveryView.of(orders.cancel(id, Viewer.of(caller), request.version(), request.reason(), actor(http)), true);
    }

    @POST
    @Path("/{id}/address-change")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Change the applicant's address before pickup",
            description = "The receiver of a result, or the pickup address of documents. The fee is re-priced unless "
                    + "prepaid; if the operator already has the order it receives order-amended. Audited with the "
                    + "address before and after.")
    @APIResponse(responseCode = "200", description = "The order with the new address")
    @APIResponse(responseCode = "400", description = "Invalid address (province 2 digits, commune 5 digits, phone)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order in your agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ADDRESS_CHANGE_NOT_ALLOWED (picked up) or VERSION_CONFLICT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView changeAddress(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.AddressChange request,
                                      @Context HttpServerRequest http) {
        return DeliveryView.of(orders.changeAddress(id, Viewer.of(caller), request.version(),
                request.address().toParty(), request.reason(), actor(http)), true);
    }

    @POST
    @Path("/{id}/redelivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Ask the operator to try again after a failed delivery",
            description = "Only while the order is DELIVERY_FAILED, once per failure. The operator receives "
                    + "redelivery-requested on postal.orders. Audited.")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order in your agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "REDELIVERY_NOT_ALLOWED, REDELIVERY_ALREADY_REQUESTED or VERSION_CONFLICT",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView redeliver(@PathParam("id") UUID id, @NotNull @Valid OrderRequests.Redelivery request,
                                  @Context HttpServerRequest http) {
        return DeliveryView.of(orders.requestRedelivery(id, Viewer.of(caller), request.version(), request.note(),
                actor(http)), true);
    }

    /** A query parameter of an enum type: an unknown value is the client's mistake (400), not a missing page (404). */
    static <E extends Enum<E>> E enumOf(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new UnknownValue(parameter, value, java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static class UnknownValue extends vn.motcua.web.problem.ApiException {
        UnknownValue(String parameter, String value, String allowed) {
            super(400, "UNKNOWN_ENUM_VALUE", "Unknown value", parameter + ": '" + value + "' is not one of " + allowed,
                    List.of(new Problem.Violation(parameter, "not one of " + allowed)));
        }
    }

    private OrderService.Actor actor(HttpServerRequest http) {
        // the address the gateway established; a client's own X-Forwarded-For chose what the audit recorded
        String ip = clientAddress.get();
        return new OrderService.Actor(caller.subject(), ip == null || ip.length() <= 64 ? ip : ip.substring(0, 64));
    }

}
