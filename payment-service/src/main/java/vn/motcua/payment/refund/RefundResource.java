package vn.motcua.payment.refund;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

@Path("/api/v1/payments/{paymentId}/refunds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Refunds", description = "Full and partial refunds of paid fees")
public class RefundResource {

    /** The largest amount any single payment can carry (10^15 VND): anything above is a client mistake. */
    static final long MAX_VND = 1_000_000_000_000_000L;

    @Inject
    RefundService refunds;
    @Inject
    PaymentService payments;
    @Inject
    Caller caller;
    @Inject
    IdempotencyKeys idempotency;

    @Schema(name = "RefundRequest")
    public record RefundRequest(
            @NotNull @Positive @Max(MAX_VND) @Schema(example = "24000") Long amountVnd,
            @NotNull @PositiveOrZero @Max(MAX_VND) @Schema(example = "224000",
                    description = "The refundable amount the officer saw; if it changed meanwhile the answer is 412") Long expectedRefundableVnd,
            @NotBlank @Size(max = 1000) @Schema(example = "Hồ sơ trả kết quả tại quầy: hoàn phí chuyển phát") String reason) {
    }

    @Schema(name = "RefundDecision")
    public record Decision(@NotBlank @Size(max = 1000) @Schema(example = "Đồng ý hoàn tiền") String note) {
    }

    private RefundService.Staff staff() {
        return new RefundService.Staff(caller.subject(), caller.requireAgency(), caller.is(Roles.LEADER));
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Operation(summary = "Request a refund", description = "Officer of the payment's agency. Below the approval threshold "
            + "(for the payment's refunded total, or requested by a leader) the money is given back at once (status REFUNDED, "
            + "or SENDING when the provider did not answer: it is sent again under the same id until it does); above it "
            + "the refund waits for a leader (AWAITING_APPROVAL). Idempotency-Key accepted.")
    @APIResponse(responseCode = "201", description = "Refund created")
    @APIResponse(responseCode = "400", description = "Invalid amounts (zero, negative, too large)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such payment in your agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "PAYMENT_NOT_REFUNDABLE or REFUND_IN_PROGRESS", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "REFUNDABLE_AMOUNT_CHANGED: expectedRefundableVnd is stale", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "REFUND_EXCEEDS_REFUNDABLE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@PathParam("paymentId") String paymentId, @HeaderParam(IdempotencyKeys.HEADER) String key,
                            @Valid @NotNull RefundRequest request) {
        RefundService.Staff staff = staff();
        String[] refundId = new String[1];
        Response created = idempotency.run("payment.refund:" + paymentId, caller.subject(), key, request, () -> {
            RefundView refund = refunds.request(paymentId, staff, new RefundService.RefundCommand(request.amountVnd(),
                    request.expectedRefundableVnd(), request.reason()), OffsetDateTime.now(CloudEventCodec.ZONE));
            refundId[0] = refund.id();
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/payments/" + paymentId + "/refunds/" + refund.id()), refund);
        });
        // committed: now the provider is called, outside any transaction (a replay has nothing left to send)
        if (refundId[0] == null) {
            return created;
        }
        refunds.send(refundId[0]);
        return Response.fromResponse(created).entity(refunds.find(paymentId, refundId[0]).orElseThrow()).build();
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Refunds of a payment", description = "Visible to whoever sees the payment. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Refunds, oldest first")
    @APIResponse(responseCode = "404", description = "No such payment, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RefundView> list(@PathParam("paymentId") String paymentId) {
        payments.find(paymentId, viewer()).orElseThrow(() -> new CommonProblems.NotFound("payment", paymentId));
        return refunds.list(paymentId);
    }

    private PaymentService.Viewer viewer() {
        return vn.motcua.payment.payment.PaymentResource.viewer(caller);
    }

    @POST
    @Path("/{refundId}/approve")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Approve a refund above the threshold", description = "A leader of the payment's agency, not the requester. Gives the money back.")
    @APIResponse(responseCode = "200", description = "Refunded")
    @APIResponse(responseCode = "409", description = "REFUND_NOT_AWAITING_APPROVAL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SELF_APPROVAL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefundView approve(@PathParam("paymentId") String paymentId, @PathParam("refundId") String refundId,
                              @Valid @NotNull Decision decision) {
        refunds.approve(paymentId, refundId, staff(), decision.note(), OffsetDateTime.now(CloudEventCodec.ZONE));
        refunds.send(refundId); // committed as SENDING: the provider is called outside any transaction
        return refunds.find(paymentId, refundId).orElseThrow(() -> new CommonProblems.NotFound("refund", refundId));
    }

    @POST
    @Path("/{refundId}/reject")
    @RolesAllowed(Roles.LEADER)
    @Operation(summary = "Reject a refund awaiting approval")
    @APIResponse(responseCode = "200", description = "Rejected; the payment is refundable again")
    @APIResponse(responseCode = "409", description = "REFUND_NOT_AWAITING_APPROVAL", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefundView reject(@PathParam("paymentId") String paymentId, @PathParam("refundId") String refundId,
                             @Valid @NotNull Decision decision) {
        return refunds.reject(paymentId, refundId, staff(), decision.note(), OffsetDateTime.now(CloudEventCodec.ZONE));
    }
}
