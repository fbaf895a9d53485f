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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
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
    static final int MAX_OFFSET = 100_000;

    // one POST path, two media types: OpenAPI shows them as one operation, so both methods carry the same text
    static final String UPLOAD_SUMMARY = "Upload a document (multipart/form-data, or base64 JSON)";
    static final String UPLOAD_DESCRIPTION = "multipart/form-data is the production way: parts 'requiredDocumentCode' "
            + "(text) and 'file' (the document; its filename and Content-Type come from the part). The part is received "
            + "to a temporary file and copied in a stream to the document storage, the SHA-256 and the size computed on "
            + "the way; nothing is held whole in memory. Example: curl -H 'Authorization: Bearer …' "
            + "-F requiredDocumentCode=GCS -F 'file=@giay-chung-sinh.pdf;type=application/pdf' "
            + "…/api/v1/dossiers/{id}/documents. The JSON form (contentBase64) stays for small documents and the portal. "
            + "Both: only for a DRAFT or while a supplement is requested; the type must be one the procedure asks for, "
            + "in an accepted format, under the document's size limit (and motcua.dossier.documents.max-bytes); a "
            + "request over the HTTP body limit (16 MB) is refused with a bare 413 before the application reads it. The "
            + "SHA-256 is returned. Accepts Idempotency-Key (multipart: bound to the fields and the file's SHA-256). "
            + "Strongly consistent: the dossier read right after lists the document.";

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
            description = "A citizen gets their own dossiers; an officer or leader the work queue of their agency: the "
                    + "open dossiers (SUBMITTED, AWAITING_PAYMENT, RECEIVED, PROCESSING, SUPPLEMENT_REQUESTED, "
                    + "WITHDRAWAL_REQUESTED, RESOLVED) unless statuses are asked for (e.g. status=RETURNED,REFUSED for the "
                    + "archive; drafts never); the portal the dossiers it forwarded; an administrator all (filter "
                    + "agencyCode). Filters: status (comma list), procedureCode, channel, overdue (overdue now: received, "
                    + "processing or withdrawal requested with the due time passed), dueAfter / dueBefore (due soon: "
                    + "dueAfter=now&dueBefore=now+3 days), assignedToMe. Sort: dueAt (default for officers), submittedAt, "
                    + "createdAt; '-' reverses the order exactly (dossiers without a due date come first). Page size at "
                    + "most 100. 'total' is exact up to 1,000 dossiers (or up to the end of the requested page); a larger "
                    + "result reports one more than that bound (narrow the filters), so a page costs the same at 10,000 "
                    + "or 1,000,000 dossiers; pages reach the first 100,000 dossiers. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "work queue", value = "{\"items\":[{\"id\":\"0b9d6f2e-8a51-4a57-9c3e-2f4f0c1d7a10\","
                    + "\"code\":\"000.00.12.H29-261120-0007\",\"procedureCode\":\"1.001193\",\"procedureName\":\"Đăng ký khai sinh\","
                    + "\"agencyCode\":\"000.00.12.H29\",\"applicantName\":\"Nguyễn Văn An\",\"channel\":\"ONLINE\","
                    + "\"status\":\"PROCESSING\",\"portalStatus\":4,\"submittedAt\":\"2026-11-20T09:12:00+07:00\","
                    + "\"dueAt\":\"2026-11-23T17:00:00+07:00\",\"overdue\":false,\"stepName\":\"Thẩm định hồ sơ\","
                    + "\"stepAssigneeId\":\"cb-001\",\"version\":3}],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", description = "Unknown status, bad date, sort or page size",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A role that lists no dossiers, or an officer token without agency",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<DossierSummary> list(
            @Parameter(example = "RECEIVED,PROCESSING") @QueryParam("status") String status,
            @Parameter(example = "1.001193") @QueryParam("procedureCode") String procedureCode,
            @Parameter(example = "ONLINE") @QueryParam("channel") String channel,
            @QueryParam("overdue") Boolean overdue,
            @Parameter(example = "2026-11-23T00:00:00+07:00") @QueryParam("dueAfter") String dueAfter,
            @Parameter(example = "2026-11-26T17:00:00+07:00") @QueryParam("dueBefore") String dueBefore,
            @QueryParam("assignedToMe") boolean assignedToMe,
            @QueryParam("agencyCode") String agencyCode,
            @Parameter(example = "dueAt") @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest pageRequest = PageRequest.of(page, size);
        if ((long) pageRequest.page() * pageRequest.size() > MAX_OFFSET) {
            // an offset costs in proportion to its depth; nobody pages through 100,000 dossiers by hand
            throw new CommonProblems.InvalidInput("page", "pages reach at most the first " + MAX_OFFSET + " dossiers; narrow the filters");
        }
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
                Params.enumOf("channel", channel, Channel.class), overdue, Params.dateTime("dueAfter", dueAfter),
                Params.dateTime("dueBefore", dueBefore), assignedToMe, agencyCode, sort), pageRequest);
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
    @Operation(summary = UPLOAD_SUMMARY, description = UPLOAD_DESCRIPTION)
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentUpload.class), examples = @ExampleObject(name = "pdf",
            value = "{\"requiredDocumentCode\":\"GCS\",\"fileName\":\"giay-chung-sinh.pdf\",\"contentType\":\"application/pdf\",\"contentBase64\":\"JVBERi0xLjQK\"}")))
    @APIResponse(responseCode = "201", description = "Stored; Location names the document")
    @APIResponse(responseCode = "400", description = "Invalid body or base64; a multipart part missing (the violation names it) or the file empty",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not your dossier", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dossier not open for documents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "DOCUMENT_TOO_LARGE: over the document's limit", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "DOCUMENT_TYPE_NOT_ACCEPTED: a type the procedure does not ask for, or a format it does not accept",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response upload(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key, DocumentUpload upload) {
        Actor actor = currentActor.get();
        UUID dossierId = uuid(id);
        return idempotencyKeys.run("dossier.document", actor.id(), key, upload, () -> {
            DocumentView stored = dossiers.uploadDocument(dossierId, actor, upload);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/dossiers/" + id + "/documents/" + stored.id()), stored);
        });
    }

    @POST
    @Path("/{id}/documents")
    @RolesAllowed(Roles.CITIZEN)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = UPLOAD_SUMMARY, description = UPLOAD_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = DocumentForm.class)))
    @APIResponse(responseCode = "201", description = "Stored; Location names the document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class),
                    examples = @ExampleObject(name = "stored", value = "{\"id\":\"5f0c2a9e-7d1b-4c8e-9a43-0e2b6f1d3c77\","
                            + "\"requiredDocumentCode\":\"GCS\",\"kind\":\"APPLICATION\",\"fileName\":\"giấy chứng sinh.pdf\","
                            + "\"contentType\":\"application/pdf\",\"sizeBytes\":48213,\"sha256\":"
                            + "\"9f2c4b1e0a6d8c7b5e3f1a2d4c6b8e0f1a3c5e7d9b1f3a5c7e9d1b3f5a7c9e1d\","
                            + "\"uploadedAt\":\"2026-11-23T10:15:00+07:00\"}")))
    @APIResponse(responseCode = "400", description = "A part is missing (the violation names it) or the file is empty",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no file part", value = "{\"type\":\"https://motcua.vn/problems/validation-failed\","
                            + "\"title\":\"Request is not valid\",\"status\":400,\"detail\":\"file: the multipart part 'file' is required\","
                            + "\"code\":\"VALIDATION_FAILED\",\"violations\":[{\"field\":\"file\",\"message\":\"the multipart part 'file' is required\"}]}")))
    @APIResponse(responseCode = "404", description = "Not your dossier", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Dossier not open for documents", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "DOCUMENT_TOO_LARGE: over the document's limit",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "DOCUMENT_TYPE_NOT_ACCEPTED: a type the procedure does not ask for, or a format it does not accept",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response uploadMultipart(@PathParam("id") String id, @HeaderParam(IdempotencyKeys.HEADER) String key,
                                    @RestForm("requiredDocumentCode") String requiredDocumentCode,
                                    @RestForm("file") FileUpload file) {
        Actor actor = currentActor.get();
        UUID dossierId = uuid(id);
        DossierService.IncomingDocument incoming = DocumentForm.incoming(requiredDocumentCode, file);
        // an idempotent replay must carry the same document: the fingerprint includes its SHA-256 (read only then)
        Object fingerprint = key == null ? null : DocumentForm.fingerprint(incoming, file);
        return idempotencyKeys.run("dossier.document", actor.id(), key, fingerprint, () -> {
            DocumentView stored = dossiers.uploadDocument(dossierId, actor, incoming);
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
