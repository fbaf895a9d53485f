package vn.motcua.notification.admin;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.DeliveryStatus;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Roles;

import java.util.Arrays;
import java.util.Optional;

@Path("/api/v1/notifications/admin/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Messages (admin)", description = "Delivery status of every email, SMS and inbox message; dead letters")
public class MessageAdminResource {

    @Inject
    MessageAdminService messages;

    @GET
    @Operation(summary = "List messages",
            description = "Filters: status (QUEUED, SENDING, DELIVERED, TEMPORARY_FAILURE, TECHNICAL_FAILURE, "
                    + "PERMANENT_FAILURE), channel (IN_APP, EMAIL, SMS), deadLetters=true, recipientId, dossierId, "
                    + "sourceEventId, provider (e.g. simulated-email to see what development mode would have sent). "
                    + "Strongly consistent.")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Unknown status or channel, bad page",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<MessageView> list(@QueryParam("status") String status, @QueryParam("channel") String channel,
                                  @QueryParam("deadLetters") Boolean deadLetters,
                                  @QueryParam("recipientId") String recipientId, @QueryParam("dossierId") String dossierId,
                                  @QueryParam("sourceEventId") String sourceEventId, @QueryParam("provider") String provider,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return messages.list(new MessageAdminService.Filter(
                Optional.ofNullable(status).map(s -> parse(DeliveryStatus.class, "status", s)),
                Optional.ofNullable(channel).map(c -> parse(Channel.class, "channel", c)),
                Boolean.TRUE.equals(deadLetters), Optional.ofNullable(recipientId), Optional.ofNullable(dossierId),
                Optional.ofNullable(sourceEventId), Optional.ofNullable(provider)), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One message")
    @APIResponse(responseCode = "200", description = "The message")
    @APIResponse(responseCode = "404", description = "No such message",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageView get(@PathParam("id") String id) {
        return messages.get(id);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Re-queue a dead letter", description = "For a message whose retries were used up or that failed "
            + "permanently, once the cause is fixed. 409 for any other message.")
    @APIResponse(responseCode = "200", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No such message",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a dead letter (MESSAGE_NOT_DEAD_LETTERED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessageView retry(@PathParam("id") String id) {
        return messages.requeue(id);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.InvalidInput(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
