package vn.motcua.payment.payment;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.provider.ProviderCode;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Fees of dossiers and their online payment")
public class PaymentResource {

    @Inject
    PaymentService payments;
    @Inject
    Caller caller;
    @Inject
    IdempotencyKeys idempotency;

    @Schema(name = "CheckoutRequest")
    public record CheckoutRequest(
            @NotNull @Schema(example = "GATEWAY", description = "GATEWAY (card/QR gateway) or NPP (national payment platform)")
            ProviderCode provider,
            @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(example = "https://dichvucong.example.vn/thanh-toan/ket-qua", description = "where the browser returns afterwards")
            String returnUrl) {
    }

    public static PaymentService.Viewer viewer(Caller caller) {
        if (caller.is(Roles.ADMIN)) {
            return new PaymentService.Viewer(caller.subject(), true, Optional.empty());
        }
        if (caller.is(Roles.OFFICER) || caller.is(Roles.LEADER)) {
            return new PaymentService.Viewer(caller.subject(), false, Optional.of(caller.requireAgency()));
        }
        return PaymentService.Viewer.citizen(caller.subject());
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "List payments", description = "A citizen sees their own payments, an officer or leader their "
            + "agency's, an admin all. Newest first. Strongly consistent (read from the payment database).")
    @APIResponse(responseCode = "200", description = "One page of payments")
    @APIResponse(responseCode = "400", description = "Bad filter or page", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PaymentView> list(@Parameter(description = "CREATED, PENDING, SUCCEEDED, FAILED, CANCELLED, EXPIRED, "
                                          + "REFUND_REQUESTED, PARTIALLY_REFUNDED or REFUNDED") @QueryParam("status") String status,
                                  @QueryParam("dossierCode") String dossierCode,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Optional<PaymentStatus> wanted;
        try {
            wanted = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(PaymentStatus::valueOf);
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.InvalidInput("status", "'" + status + "' is not a payment status");
        }
        return payments.list(viewer(caller), wanted, Optional.ofNullable(dossierCode).filter(s -> !s.isBlank()),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Read a payment and its status", description = "Strongly consistent. Someone else's payment answers 404.")
    @APIResponse(responseCode = "200", description = "The payment")
    @APIResponse(responseCode = "404", description = "No such payment, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PaymentView get(@PathParam("id") String id) {
        return payments.find(id, viewer(caller)).orElseThrow(() -> new CommonProblems.NotFound("payment", id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Audited status changes of a payment", description = "Append-only trail: who, when, why. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Transitions, oldest first")
    @APIResponse(responseCode = "404", description = "No such payment, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PaymentAudit.Entry> history(@PathParam("id") String id) {
        return payments.history(id, viewer(caller));
    }

    @POST
    @Path("/{id}/checkout")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Start paying", description = "Prepares the payment at the chosen provider and returns the "
            + "redirectUrl to send the browser to. Starts the CREATED payment, or a new attempt after a failed or "
            + "cancelled one (Location names the payment actually started). Idempotency-Key is required: a replay "
            + "returns the original answer, the same key with another body is 409 IDEMPOTENCY_KEY_REUSED.")
    @APIResponse(responseCode = "201", description = "Payment started; follow redirectUrl")
    @APIResponse(responseCode = "400", description = "Invalid body or missing Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "missing key", value = "{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"Idempotency-Key: is required\"}")))
    @APIResponse(responseCode = "404", description = "No such payment, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_PAID, PAYMENT_IN_PROGRESS or IDEMPOTENCY_KEY_REUSED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PAYMENT_WINDOW_CLOSED, RETURN_URL_NOT_ALLOWED, PROVIDER_DISABLED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "PROVIDER_UNAVAILABLE: nothing was changed, try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkout(@PathParam("id") String id,
                             @Parameter(required = true, schema = @Schema(type = SchemaType.STRING), example = "3b8f6c1e-checkout-01")
                             @HeaderParam(IdempotencyKeys.HEADER) String key,
                             @Valid @NotNull CheckoutRequest request, @Context HttpServerRequest http) {
        if (key == null || key.isBlank()) {
            throw new CommonProblems.InvalidInput(IdempotencyKeys.HEADER, "is required");
        }
        String clientIp = http.remoteAddress() == null ? null : http.remoteAddress().host();
        return idempotency.run("payment.checkout:" + id, caller.subject(), key, request, () -> {
            PaymentView started = payments.checkout(id, caller.subject(),
                    new PaymentService.CheckoutCommand(request.provider(), request.returnUrl(), clientIp),
                    OffsetDateTime.now(CloudEventCodec.ZONE));
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/payments/" + started.id()), started);
        });
    }
}
