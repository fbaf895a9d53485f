package vn.motcua.dossier.catalogue;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.dossier.catalogue.CatalogueViews.ProcedureRequest;
import vn.motcua.dossier.catalogue.CatalogueViews.ProcedureView;
import vn.motcua.dossier.common.Params;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;

@Path("/api/v1/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Administrative procedures (thủ tục hành chính)")
public class ProcedureResource {

    private static final String PROCEDURE_EXAMPLE = """
            {"code":"1.009999","name":"Cấp giấy phép thử nghiệm","sector":"Thử nghiệm","agencyLevel":"COMMUNE",
             "agencyCode":"000.00.12.H29","onlineLevel":"FULL","processingDays":5,"inPersonRequired":false,
             "returnMethods":["COUNTER","POST","ELECTRONIC"],
             "fees":[{"code":"LP","name":"Lệ phí","amountVnd":50000}],
             "requiredDocuments":[{"code":"TK","name":"Tờ khai","mandatory":true,
               "acceptedContentTypes":["application/pdf"],"maxSizeBytes":5242880}]}""";

    @Inject
    CatalogueService catalogue;
    @Inject
    IdempotencyKeys idempotencyKeys;
    @Inject
    Caller caller;

    @GET
    @PermitAll
    @Operation(summary = "Search the catalogue",
            description = "Text search with or without Vietnamese diacritics (every word must match the name, sector or "
                    + "code), filters by sector, agency and online level. Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page of procedures")
    @APIResponse(responseCode = "400", description = "Bad filter or page size over 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProcedureView> search(
            @Parameter(description = "words to find, e.g. 'dang ky khai sinh'", example = "dang ky khai sinh") @QueryParam("q") String q,
            @Parameter(example = "Hộ tịch") @QueryParam("sector") String sector,
            @Parameter(example = "000.00.12.H29") @QueryParam("agencyCode") String agencyCode,
            @Parameter(description = "FULL or PARTIAL") @QueryParam("onlineLevel") String onlineLevel,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Params.maxLength("q", q, 200);
        return catalogue.search(q, sector, agencyCode, Params.enumOf("onlineLevel", onlineLevel, CatalogueViews.OnlineLevel.class),
                false, PageRequest.of(page, size));
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One procedure", description = "Fees, processing time, required documents, return methods. "
            + "Public; withdrawn procedures are shown with active=false. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The procedure")
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProcedureView get(@Parameter(example = "1.001193") @PathParam("code") String code) {
        return catalogue.procedure(code).orElseThrow(() -> new CatalogueProblems.ProcedureNotFound(code));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a procedure (admin)", description = "Accepts Idempotency-Key. Strongly consistent: a GET "
            + "right after returns it.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProcedureRequest.class),
            examples = @ExampleObject(name = "procedure", value = PROCEDURE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "Code exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, ProcedureRequest request) {
        return idempotencyKeys.run("procedure.create", caller.subject(), key, request, () -> {
            ProcedureView created = catalogue.create(request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/procedures/" + created.code()), created);
        });
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a procedure (admin)", description = "Send the version read; a stale version → 409. "
            + "Dossiers already filed keep the fees and documents they were filed with. Strongly consistent.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ProcedureRequest.class),
            examples = @ExampleObject(name = "procedure", value = PROCEDURE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProcedureView update(@PathParam("code") String code, ProcedureRequest request) {
        return catalogue.update(code, request).orElseThrow(() -> new CatalogueProblems.ProcedureNotFound(code));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw a procedure (admin)", description = "Kept for existing dossiers, refused for new "
            + "ones. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Withdrawn (active=false)")
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProcedureView withdraw(@PathParam("code") String code) {
        return catalogue.deactivate(code).orElseThrow(() -> new CatalogueProblems.ProcedureNotFound(code));
    }
}
