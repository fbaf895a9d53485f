package vn.motcua.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.util.Map;

@Path("/api/v1/notifications/inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER})
@SecurityRequirement(name = "jwt")
@Tag(name = "Inbox", description = "In-app notifications of the caller (citizen or officer)")
public class InboxResource {

    @Inject
    InboxService inbox;
    @Inject
    Caller caller;

    public record UnreadCount(@Schema(example = "3") long unread) {
    }

    @GET
    @Operation(summary = "List my notifications, newest first",
            description = "Only the caller's own notifications. Eventually consistent: a notification appears shortly "
                    + "after the event that causes it is published (normally well under a second).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(examples = @ExampleObject(name = "page", value = """
            {"items":[{"id":"3f1c2a9e-8d4b-4c1e-9a51-2f0b6c7d8e90","title":"Đã tạo hồ sơ nháp: Đăng ký khai sinh",
            "body":"Kính gửi Nguyễn Văn An, ...","dossierId":"6a7b9c1d-0e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "eventType":"vn.motcua.dossier.draft-created.v1","category":"DOSSIER","mandatory":false,"read":false,
            "createdAt":"2026-11-23T09:30:00+07:00"}],"page":0,"size":20,"total":1}""")))
    @APIResponse(responseCode = "400", description = "page or size out of range (size 1–100)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<InboxItem> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                @QueryParam("unread") Boolean unread) {
        return inbox.list(caller.subject(), Boolean.TRUE.equals(unread), PageRequest.of(page, size));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many of my notifications are unread", description = "Eventually consistent, like the list.")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(examples = @ExampleObject(name = "count", value = "{\"unread\": 3}")))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unread(caller.subject()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark one of my notifications read",
            description = "Idempotent. Another person's notification answers 404. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The notification, now read")
    @APIResponse(responseCode = "404", description = "No such notification of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InboxItem markRead(@PathParam("id") String id) {
        return inbox.markRead(caller.subject(), id).orElseThrow(() -> new CommonProblems.NotFound("Notification", id));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read", description = "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "How many were marked", content = @Content(examples = @ExampleObject(name = "marked", value = "{\"marked\": 4}")))
    public Map<String, Integer> markAllRead() {
        return Map.of("marked", inbox.markAllRead(caller.subject()));
    }
}
