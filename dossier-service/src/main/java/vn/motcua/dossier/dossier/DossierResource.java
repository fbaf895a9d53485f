package vn.motcua.dossier.dossier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.CurrentActor;
import vn.motcua.dossier.common.Params;
import vn.motcua.dossier.dossier.DossierViews.CreateDossierRequest;
import vn.motcua.dossier.dossier.DossierViews.DocumentUpload;
import vn.motcua.dossier.dossier.DossierViews.DocumentView;
import vn.motcua.dossier.dossier.DossierViews.DossierSummary;
import vn.motcua.dossier.dossier.DossierViews.DossierView;
import vn.motcua.dossier.dossier.DossierViews.PortalSubmissionRequest;
import vn.motcua.dossier.dossier.DossierViews.RatingRequest;
import vn.motcua.dossier.dossier.DossierViews.VersionOnly;
import vn.motcua.dossier.dossier.DossierViews.WithdrawRequest;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The applicant's side of dossiers, reads for everyone allowed, and the portal's submission. */
@Path("/api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dossiers", description = "Intake, reads and the applicant's actions")
public class DossierResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    @Inject
    DossierService dossiers;
    @Inject
    CurrentActor currentActor;
    @Inject
    IdempotencyKeys idempotencyKeys;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft dossier",
            description = "The applicant is the caller (token sub, name, email, phone). Writes the draft-created event "
                    + "in the same transaction. Accepts Idempotency-Key: a replay returns the first response. Strongly "
                    + "consistent: GET /api/v1/dossiers/{id} right after returns the draft.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateDossierRequest.class), examples = {
            @ExampleObject(name = "electronic", value = "{\"procedureCode\":\"1.001193\",\"channel\":\"ONLINE\",\"returnMethod\":\"ELECTRONIC\"}"),
            @ExampleObject(name = "post", value = "{\"procedureCode\":\"2.000908\",\"channel\":\"ONLINE\",\"returnMethod\":\"POST\","
                    + "\"deliveryAddress\":{\"recipientName\":\"Nguyễn Văn An\",\"phone\":\"0912345678\",\"street\":\"Số 1 phố Điện Biên Phủ\","
                    + "\"communeCode\":\"00004\",\"provinceCode\":\"01\"}}")}))
    @APIResponse(responseCode = "201", description = "Draft created; Location names it")
    @APIResponse(responseCode = "400", description = "Malformed JSON, missing field, unknown enum value",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a citizen", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown procedure, return method not offered, address missing or invalid",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, CreateDossierRequest request) {
        Actor actor = currentActor.get();
        var caller = currentActor.caller();
        Applicant applicant = new Applicant(actor.id(), caller.claim("name").orElse(null),
                caller.claim("email").orElse(null), caller.claim("phone").orElse(null), "vi");
        return idempotencyKeys.run("dossier.create", actor.id(), key, request, () -> {
            DossierView created = dossiers.createDraft(actor, applicant, request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/dossiers/" + created.id()), created);
        });
    }

    @POST
    @Path("/portal-submissions")
    @RolesAllowed(Roles.PORTAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Forward a dossier from the national portal",
            description = "Creates, attaches the documents and submits in one transaction, on the applicant's behalf; the "
                    + "portal's own code is kept and must be unique. The portal may read the dossiers it forwarded. "
                    + "Accepts Idempotency-Key. Strongly consistent.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PortalSubmissionRequest.class),
            examples = @ExampleObject(name = "birth registration", value = "{\"portalDossierCode\":\"G22.99-261123-000123\","
                    + "\"procedureCode\":\"1.001193\",\"applicant\":{\"id\":\"cd-001\",\"fullName\":\"Nguyễn Văn An\","
                    + "\"email\":\"an.nguyen@example.vn\",\"phone\":\"0912345678\"},\"returnMethod\":\"ELECTRONIC\","
                    + "\"documents\":[{\"requiredDocumentCode\":\"TK\",\"fileName\":\"to-khai.pdf\",\"contentType\":\"application/pdf\","
                    + "\"contentBase64\":\"JVBERi0xLjQK\"},{\"requiredDocumentCode\":\"GCS\",\"fileName\":\"giay-chung-sinh.pdf\","
                    + "\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0xLjQK\"}]}")))
    @APIResponse(responseCode = "201", description = "Submitted")
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the portal", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Portal code forwarded before", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A document is too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown procedure, missing or unaccepted documents",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response portalSubmission(@HeaderParam(IdempotencyKeys.HEADER) String key, PortalSubmissionRequest request) {
        Actor actor = currentActor.get();
        return idempotencyKeys.run("dossier.portal-submission", actor.id(), key, request, () -> {
            DossierView created = dossiers.submitFromPortal(actor, request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/dossiers/" + created.id()), created);
        });
    }

    @POST
    @Path("/counter-submissions")
    @RolesAllowed({Roles.OFFICER, Roles.LEADER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a dossier at the counter (walk-in applicant)",
            description = "An officer files, attaches the scanned documents and submits in one transaction, channel "
                    + "COUNTER, for a procedure of their own agency; then receives it as usual. Accepts Idempotency-Key. "
                    + "Strongly consistent.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DossierViews.CounterSubmissionRequest.class),
            examples = @ExampleObject(name = "walk-in", value = "{\"procedureCode\":\"1.001193\",\"applicant\":{\"id\":\"cd-001\","
                    + "\"fullName\":\"Nguyễn Văn An\",\"phone\":\"0912345678\"},\"returnMethod\":\"COUNTER\","
                    + "\"documents\":[{\"requiredDocumentCode\":\"TK\",\"fileName\":\"to-khai.pdf\",\"contentType\":\"application/pdf\","
                    + "\"contentBase64\":\"JVBERi0xLjQK\"},{\"requiredDocumentCode\":\"GCS\",\"fileName\":\"gcs.pdf\","
                    + "\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0xLjQK\"}]}")))
    @APIResponse(responseCode = "201", description = "Submitted")
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Procedure of another agency, missing documents",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response counterSubmission(@HeaderParam(IdempotencyKeys.HEADER) String key, DossierViews.CounterSubmissionRequest request) {
        Actor actor = currentActor.get();
        return idempotencyKeys.run("dossier.counter-submission", actor.id(), key, request, () -> {
            DossierView created = dossiers.submitAtCounter(actor, request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/dossiers/" + created.id()), created);
        });
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN, Roles.PORTAL})
    @Operation(summary = "List dossiers / the officer work queue",
            description = "A citizen gets their own dossiers; an officer or leader the work queue of their agency (drafts "
                    + "excluded); the portal the dossiers it forwarded; an administrator all (filter agencyCode). Filters: "
                    + "status (comma list), procedureCode, channel, overdue, dueBefore (due soon), assignedToMe. Sort: dueAt, "
                    + "submittedAt, createdAt, '-' for descending. Page size at most 100. 'total' is exact up to 10,000; a larger "
                    + "result reports 10,001 (narrow the filters), so the cost does not grow with the table. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown status, bad date, sort or page size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<DossierSummary> list(
            @Parameter(example = "RECEIVED,PROCESSING") @QueryParam("status") String status,
            @Parameter(example = "1.001193") @QueryParam("procedureCode") String procedureCode,
            @Parameter(example = "ONLINE") @QueryParam("channel") String channel,
            @QueryParam("overdue") Boolean overdue,
            @Parameter(example = "2026-11-30T17:00:00+07:00") @QueryParam("dueBefore") String dueBefore,
            @QueryParam("assignedToMe") boolean assignedToMe,
            @QueryParam("agencyCode") String agencyCode,
            @Parameter(example = "dueAt") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        List<DossierStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (String one : status.split(",")) {
                statuses.add(Params.enumOf("status", one, DossierStatus.class));
            }
        }
        if (sort != null && !DossierService.sorts().contains(sort)) {
            throw new CommonProblems.InvalidInput("sort", "must be one of " + DossierService.sorts());
        }
        return dossiers.list(currentActor.get(), new DossierService.ListFilter(statuses, procedureCode,
                Params.enumOf("channel", channel, Channel.class), overdue, Params.dateTime("dueBefore", dueBefore),
                assignedToMe, agencyCode, sort), pageRequest);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN, Roles.PORTAL})
    @Operation(summary = "One dossier", description = "Visible to its applicant, its agency's staff, the portal if it "
            + "forwarded it, administrators; anyone else gets 404. Strongly consistent (reads the primary database).")
    @APIResponse(responseCode = "200", description = "The dossier")
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Does not exist or not yours", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DossierView get(@PathParam("id") String id) {
        return dossiers.get(uuid(id), currentActor.get());
    }

    @POST
    @Path("/{id}/documents")
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a document (base64 JSON)",
            description = "Only for a DRAFT or while a supplement is requested. The type must be one the procedure asks "
                    + "for, in an accepted format and under its size limit; the SHA-256 is computed and returned. Accepts "
                    + "Idempotency-Key. Strongly consistent.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentUpload.class), examples = @ExampleObject(name = "pdf",
            value = "{\"requiredDocumentCode\":\"GCS\",\"fileName\":\"giay-chung-sinh.pdf\",\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0xLjQK\"}")))
    @APIResponse(responseCode = "201", description = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid body or base64", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your dossier", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dossier not open for documents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Document too large", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Document type or format not accepted", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key, DocumentUpload upload) {
        Actor actor = currentActor.get();
        UUID dossierId = uuid(id);
        return idempotencyKeys.run("dossier.document", actor.id(), key, upload, () -> {
            DocumentView stored = dossiers.uploadDocument(dossierId, actor, upload);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/dossiers/" + id + "/documents/" + stored.id()), stored);
        });
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN, Roles.PORTAL})
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a document", description = "The bytes with their content type and a Digest header. "
            + "Same visibility as the dossier. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The document")
    @APIResponse(responseCode = "404", description = "Unknown or not visible", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        DossierService.DocumentContent content = dossiers.documentContent(uuid(id), uuid(documentId), currentActor.get());
        return Response.ok(content.bytes(), content.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + content.fileName().replace("\"", "") + "\"")
                .header("X-Content-SHA256", content.sha256()).build();
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Submit a draft", description = "Checks mandatory documents, the return method and the address; "
            + "gives the dossier its code. With a fee the dossier awaits payment (portal status 6) and a payment-required "
            + "event asks payment-service to collect it; without one it is SUBMITTED (1). Body optional: {\"version\":n}. "
            + "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Submitted")
    @APIResponse(responseCode = "404", description = "Not your dossier", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft, or stale version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Mandatory documents missing, address missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DossierView submit(@PathParam("id") String id, VersionOnly body) {
        return dossiers.submit(uuid(id), currentActor.get(), body == null ? null : body.version());
    }

    @POST
    @Path("/{id}/resubmit")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Resubmit after a supplement request", description = "After uploading the requested documents. "
            + "Back to PROCESSING (due date moved by the configured rule) or, if asked before reception, to SUBMITTED. "
            + "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Resubmitted")
    @APIResponse(responseCode = "409", description = "No supplement requested", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No new document uploaded", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DossierView resubmit(@PathParam("id") String id, VersionOnly body) {
        return dossiers.resubmit(uuid(id), currentActor.get(), body == null ? null : body.version());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw", description = "Before reception: WITHDRAWN at once. After: WITHDRAWAL_REQUESTED "
            + "(portal 7) until an officer decides. Strongly consistent.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = "{\"reason\":\"Không còn nhu cầu\"}")))
    @APIResponse(responseCode = "200", description = "Withdrawn or requested")
    @APIResponse(responseCode = "409", description = "Closed already", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DossierView withdraw(@PathParam("id") String id, WithdrawRequest body) {
        return dossiers.withdraw(uuid(id), currentActor.get(), body);
    }

    @POST
    @Path("/{id}/rating")
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a finished dossier", description = "Once, 1 to 5, when RETURNED or REFUSED; feeds the "
            + "satisfaction statistics in the same transaction. Strongly consistent.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rating", value = "{\"score\":5,\"comment\":\"Nhanh, chu đáo\"}")))
    @APIResponse(responseCode = "200", description = "Rated")
    @APIResponse(responseCode = "400", description = "Score out of 1..5", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not finished or rated already", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public DossierView rate(@PathParam("id") String id, RatingRequest body) {
        return dossiers.rate(uuid(id), currentActor.get(), body);
    }

    /** A malformed id names no dossier: 404 like any other unknown id. */
    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DossierProblems.DossierNotFound(id);
        }
    }
}
