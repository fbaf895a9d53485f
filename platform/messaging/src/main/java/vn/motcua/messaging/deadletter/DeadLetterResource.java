package vn.motcua.messaging.deadletter;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Roles;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Dead letters of this service's event consumer, for an operator: list them with the reason, the handler and the
 * attempts, and replay one or all of them through the normal handler once the cause is fixed. Every service that
 * depends on platform/messaging serves it on its own port ({@code ./motcua dlq <service>}); the gateway does not
 * route it.
 */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Dead letters", description = "Events the consumer could never handle, and their replay (admin)")
public class DeadLetterResource {

    static final int MAX_LIMIT = 200;

    @Inject
    DeadLetters deadLetters;
    @Inject
    DeadLetterReplay replay;

    /** A dead letter as an operator sees it. {@code payload} is the record as received (UTF-8). */
    @Schema(name = "DeadLetter")
    public record DeadLetterView(long id, String topic, int partition, long offset, String key, String eventId,
                                 String eventType,
                                 @Schema(description = "the handler that refused the event; 'envelope' when the record is no CloudEvent") String handler,
                                 String reason, String exception, int attempts, OffsetDateTime failedAt,
                                 OffsetDateTime replayedAt, int replayAttempts, String payload) {
        static DeadLetterView of(DeadLetter letter) {
            return new DeadLetterView(letter.id(), letter.topic(), letter.partition(), letter.offset(), letter.key(),
                    letter.eventId(), letter.eventType(), letter.handler(), letter.reason(), letter.exception(),
                    letter.attempts(), letter.failedAt(), letter.replayedAt(), letter.replayAttempts(),
                    new String(letter.payload(), StandardCharsets.UTF_8));
        }
    }

    @GET
    @Operation(summary = "List dead letters", description = "Admin. Oldest first; pending ones (not replayed) by default.")
    @APIResponse(responseCode = "200", description = "Dead letters",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status or limit out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetterView> list(
            @Parameter(description = "PENDING (default), REPLAYED or ALL") @QueryParam("status") String status,
            @Parameter(description = "at most this many, 1 to 200 (default 50)") @QueryParam("limit") Integer limit) {
        return deadLetters.list(filterOf(status), limitOf(limit)).stream().map(DeadLetterView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter", description = "Admin.")
    @APIResponse(responseCode = "200", description = "The dead letter", content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView get(@PathParam("id") String id) {
        long key = idOf(id);
        return deadLetters.find(key).map(DeadLetterView::of)
                .orElseThrow(() -> new CommonProblems.NotFound("Dead letter", id));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay one dead letter", description = "Admin. Delivers the event to the handler that refused it, "
            + "in one transaction with the processed-event ledger: replaying twice, or replaying an event handled meanwhile, has one effect.")
    @APIResponse(responseCode = "200", description = "Replayed", content = @Content(schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "DEAD_LETTER_NOT_REPLAYABLE: unreadable record or handler gone", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "DEAD_LETTER_STILL_REFUSED: the handler refused the event again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "DEAD_LETTER_HANDLER_UNAVAILABLE: the handler failed for a passing reason", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView replay(@PathParam("id") String id) {
        return DeadLetterView.of(replay.replay(idOf(id)));
    }

    @POST
    @Path("/replay-all")
    @Operation(summary = "Replay every pending dead letter", description = "Admin. Up to 500 per call, oldest first; "
            + "reports how many were replayed and why the others were not.")
    @APIResponse(responseCode = "200", description = "Summary", content = @Content(schema = @Schema(implementation = DeadLetterReplay.Summary.class)))
    @APIResponse(responseCode = "401", description = "No token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterReplay.Summary replayAll() {
        return replay.replayAll();
    }

    private static DeadLetters.Filter filterOf(String status) {
        if (status == null || status.isBlank()) {
            return DeadLetters.Filter.PENDING;
        }
        try {
            return DeadLetters.Filter.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.InvalidInput("status", "'" + status + "' is not one of "
                    + Arrays.toString(DeadLetters.Filter.values()));
        }
    }

    private static int limitOf(Integer limit) {
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new CommonProblems.InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static long idOf(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new CommonProblems.NotFound("Dead letter", id);
        }
    }
}
