package vn.motcua.notification.template;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.notification.rules.NotificationRules;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Path("/api/v1/notifications/admin/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Templates (admin)", description = "Notification texts per event, in Vietnamese (default) and English")
public class TemplateResource {

    @Inject
    TemplateService templates;
    @Inject
    Caller caller;

    public record TemplateView(
            @Schema(example = "dossier.received") String code,
            @Schema(example = "vi") String language,
            @Schema(example = "vn.motcua.dossier.received.v1") String eventType,
            @Schema(example = "DOSSIER") String category,
            @Schema(description = "the personalisation fields the texts may use, written {{field}}") Set<String> fields,
            String title, String body, String smsText,
            @Schema(example = "2", description = "template version; send it back when editing") int version,
            String updatedBy, OffsetDateTime updatedAt) {

        static TemplateView of(Template t) {
            var spec = NotificationRules.template(t.code).orElseThrow();
            return new TemplateView(t.code, t.language, t.eventType, spec.category().name(), spec.fields(), t.title,
                    t.body, t.smsText, t.version, t.updatedBy, vn.motcua.notification.message.Times.local(t.updatedAt));
        }
    }

    public record TemplateEdit(
            @NotBlank @Size(max = 300) @Schema(example = "Hồ sơ {{dossierCode}} đã được tiếp nhận") String title,
            @NotBlank @Size(max = 5000) String body,
            @NotBlank @Size(max = 480) @Schema(description = "SMS text; keep it ASCII to fit one or two SMS") String smsText,
            @NotNull @Schema(example = "1") Integer version) {
    }

    public record PreviewRequest(@Size(max = 300) String title, @Size(max = 5000) String body,
                                 @Size(max = 480) String smsText, Map<String, String> fields) {
    }

    public record RevisionView(int version, String title, String body, String smsText, String savedBy, OffsetDateTime savedAt) {
    }

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @GET
    @Operation(summary = "List templates", description = "Filter by language (vi, en). Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Templates")
    @APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<TemplateView> list(@QueryParam("language") String language) {
        return templates.list(Optional.ofNullable(language)).stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/{code}/{language}")
    @Operation(summary = "One template in one language", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TemplateView get(@PathParam("code") String code, @PathParam("language") String language) {
        return TemplateView.of(templates.get(code, language));
    }

    @PUT
    @Path("/{code}/{language}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a template (saves a new version)",
            description = "Every {{field}} must be one the event provides (see `fields`); an unknown or malformed field is "
                    + "refused with 422 so that nothing is ever sent with a blank. `version` must be the current one (409 "
                    + "otherwise). Messages record the template version they were rendered with.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "edit", value = """
            {"title":"Hồ sơ {{dossierCode}} đã được tiếp nhận","body":"Kính gửi {{name}}, hẹn trả kết quả {{dueDate}}.",
            "smsText":"MOTCUA: Ho so {{dossierCode}} hen tra {{dueDate}}","version":1}""")))
    @APIResponse(responseCode = "200", description = "Saved; the new version")
    @APIResponse(responseCode = "400", description = "Blank or oversize text", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale version", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or malformed personalisation field (TEMPLATE_UNKNOWN_FIELD, TEMPLATE_MALFORMED)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TemplateView edit(@PathParam("code") String code, @PathParam("language") String language,
                             @NotNull @Valid TemplateEdit edit) {
        return TemplateView.of(templates.save(code, language, edit.title(), edit.body(), edit.smsText(), edit.version(),
                caller.subject()));
    }

    @POST
    @Path("/{code}/{language}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview a template",
            description = "Renders the stored text, or the proposed title/body/smsText, with sample values (override them "
                    + "in `fields`). Nothing is saved or sent.")
    @APIResponse(responseCode = "200", description = "Rendered texts")
    @APIResponse(responseCode = "422", description = "Unknown or malformed field, or a field left without value",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public TemplateService.Rendered preview(@PathParam("code") String code, @PathParam("language") String language,
                                            @Valid PreviewRequest request) {
        PreviewRequest r = request == null ? new PreviewRequest(null, null, null, null) : request;
        return templates.preview(code, language, r.title(), r.body(), r.smsText(), r.fields());
    }

    @GET
    @Path("/{code}/{language}/revisions")
    @Operation(summary = "Every saved version of a template, newest first")
    @APIResponse(responseCode = "200", description = "Revisions")
    @APIResponse(responseCode = "404", description = "No such template", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<RevisionView> revisions(@PathParam("code") String code, @PathParam("language") String language) {
        return templates.revisions(code, language).stream().map(row -> new RevisionView(((Number) row[0]).intValue(),
                (String) row[1], (String) row[2], (String) row[3], (String) row[4], toTime(row[5]))).toList();
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.ofHours(7));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.ofHours(7));
        }
        return null;
    }
}
