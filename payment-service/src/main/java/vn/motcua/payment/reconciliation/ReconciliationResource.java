package vn.motcua.payment.reconciliation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.payment.provider.ProviderCode;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/v1/payments/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "Provider statements compared with our records")
public class ReconciliationResource {

    @Inject
    ReconciliationService reconciliations;
    @Inject
    Caller caller;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a provider statement for a day and reconcile it", description = "CSV with header "
            + StatementCsv.HEADER + ". Reports MATCHED, MISSING_HERE (provider collected, we have no paid payment), "
            + "MISSING_THERE (we recorded a payment that day, the statement lacks it) and AMOUNT_MISMATCH. The report is stored.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "statement",
            value = StatementCsv.HEADER + "\nP7K2M9Q4X1ZB,14000001,224000,VND,20261123101500,SUCCESS")))
    @APIResponse(responseCode = "201", description = "The stored report")
    @APIResponse(responseCode = "400", description = "Bad CSV (the line at fault is named), provider or date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Admins only", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reconcile(@QueryParam("provider") ProviderCode provider, @QueryParam("date") String date, String csv) {
        if (provider == null) {
            throw new CommonProblems.InvalidInput("provider", "is required (GATEWAY or NPP)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw new CommonProblems.InvalidInput("date", "must be an ISO date such as 2026-11-23");
        }
        ReconciliationService.Report report = reconciliations.reconcile(provider, day, csv, caller.subject());
        return Response.created(URI.create("/api/v1/payments/reconciliations/" + report.id())).entity(report).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stored reconciliation reports, newest first (without their lines)")
    @APIResponse(responseCode = "200", description = "One page of reports")
    public Page<ReconciliationService.Report> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reconciliations.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One stored reconciliation report with its lines")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReconciliationService.Report get(@PathParam("id") String id) {
        return reconciliations.find(id).orElseThrow(() -> new CommonProblems.NotFound("reconciliation report", id));
    }
}
