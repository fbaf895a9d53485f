package vn.motcua.payment.receipt;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import vn.motcua.payment.payment.PaymentResource;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

@Path("/api/v1/payments/{paymentId}/receipt")
@Tag(name = "Receipts", description = "Electronic receipts (biên lai điện tử) of paid fees")
public class ReceiptResource {

    @Inject
    PaymentService payments;
    @Inject
    Caller caller;

    private ReceiptView find(String paymentId) {
        payments.find(paymentId, PaymentResource.viewer(caller)).orElseThrow(() -> new CommonProblems.NotFound("payment", paymentId));
        return Receipt.<Receipt>find("paymentId", paymentId).firstResultOptional().map(r -> r.content)
                .orElseThrow(() -> new CommonProblems.NotFound("receipt of payment", paymentId));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "The electronic receipt of a paid payment (JSON)", description = "Receipt number from the series, "
            + "agency, procedure, dossier code, fee lines, amount, provider transaction id and time. Immutable once issued; "
            + "strongly consistent. Ask for application/pdf to download it as PDF.")
    @APIResponse(responseCode = "200", description = "The receipt")
    @APIResponse(responseCode = "404", description = "No such payment, not yours, or not paid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceiptView json(@PathParam("paymentId") String paymentId) {
        return find(paymentId);
    }

    @GET
    @Produces("application/pdf")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "The electronic receipt as PDF")
    @APIResponse(responseCode = "200", description = "PDF document", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "No such payment, not yours, or not paid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("paymentId") String paymentId) {
        ReceiptView receipt = find(paymentId);
        return Response.ok(ReceiptPdf.render(receipt), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"bien-lai-" + receipt.receiptNumber() + ".pdf\"").build();
    }
}
