package vn.motcua.payment.obligation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.payment.Payment;
import vn.motcua.payment.payment.PaymentResource;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.payment.payment.PaymentView;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@Path("/api/v1/payments/obligations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Obligations", description = "What applicants owe")
public class ObligationResource {

    static final long MAX_VND = 1_000_000_000_000L;

    @Inject
    ObligationService obligations;
    @Inject
    PaymentService payments;
    @Inject
    Caller caller;
    @Inject
    IdempotencyKeys idempotency;

    /** The payer, if the caller names one: it must be the dossier's applicant (the payer's details come from the dossier). */
    @Schema(name = "Payer")
    public record PayerRequest(@NotBlank @Size(max = 200) @Schema(example = "cd-001") String id,
                               @Size(max = 300) @Schema(example = "Nguyễn Văn An") String fullName,
                               @Size(max = 300) @Schema(example = "an.nguyen@example.vn") String email,
                               @Size(max = 50) @Schema(example = "0912345678") String phone) {
    }

    @Schema(name = "FeeLineRequest")
    public record FeeLineRequest(@NotBlank @Size(max = 50) @Schema(example = "PHI_SAO_Y") String code,
                                 @NotBlank @Size(max = 300) @Schema(example = "Phí cấp bản sao") String name,
                                 @NotNull @Positive @Max(MAX_VND) @Schema(example = "10000") Long amountVnd) {
    }

    /**
     * The dossier is named by id; its code, agency, procedure and applicant are taken from what {@code dossier.events}
     * said about it. {@code dossierCode} and {@code payer}, when given, are checked against it.
     */
    @Schema(name = "ExtraObligationRequest")
    public record ExtraObligationRequest(@NotBlank @Size(max = 64) String dossierId,
                                         @Size(max = 100) @Schema(example = "000.21.27.H29-261123-0001") String dossierCode,
                                         @Size(max = 50) String procedureCode,
                                         @Size(max = 500) String procedureName,
                                         @Valid PayerRequest payer,
                                         @NotEmpty @Size(max = 20) List<@NotNull @Valid FeeLineRequest> fees,
                                         @NotBlank @Size(max = 1000) @Schema(example = "Công dân yêu cầu thêm 2 bản sao") String reason) {
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Transactional
    @Operation(summary = "Raise an extra obligation", description = "An officer asks the applicant of a dossier of their "
            + "own agency to pay an extra fee (never the dossier fee nor the postal fee). Creates the obligation and its first payment (CREATED) and publishes payment.requested "
            + "(key = the dossier id, obligationKind EXTRA). Idempotency-Key accepted.")
    @APIResponse(responseCode = "201", description = "The first payment of the new obligation")
    @APIResponse(responseCode = "400", description = "Invalid body (amounts must be positive, at most 20 lines)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of an agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no dossier of the caller's agency has this id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "DOSSIER_NOT_SUBMITTED: the dossier is still a draft", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PAYER_NOT_APPLICANT, DOSSIER_CODE_MISMATCH, or SYSTEM_FEE_CODE (a fee code only the system raises: the dossier fee, POSTAL_RETURN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response raise(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid @NotNull ExtraObligationRequest request) {
        String agency = caller.requireAgency();
        return idempotency.run("payment.obligation", caller.subject(), key, request, () -> {
            Payment payment = obligations.raise(new ObligationService.ExtraObligation(request.dossierId(),
                    Optional.ofNullable(request.dossierCode()).filter(c -> !c.isBlank()),
                    Optional.ofNullable(request.payer()).map(PayerRequest::id),
                    request.fees().stream().map(f -> new FeeLine(f.code(), f.name(), f.amountVnd())).toList(),
                    request.reason(), caller.subject(), agency), OffsetDateTime.now(CloudEventCodec.ZONE));
            PaymentView view = payments.find(payment.id, PaymentResource.viewer(caller))
                    .orElseThrow(() -> new CommonProblems.NotFound("payment", payment.id));
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/payments/" + payment.id), view);
        });
    }
}
