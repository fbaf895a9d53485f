package vn.motcua.appointment.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.ServicePointService;
import vn.motcua.appointment.servicepoint.StaffScope;
import vn.motcua.appointment.web.Ids;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.time.LocalDate;

/** The counter's side of the day. Officers of the service point's agency only. */
@Path("/api/v1/appointments/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queue")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "FORBIDDEN / NOT_YOUR_SERVICE_POINT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class QueueResource {

    @Inject
    QueueService queue;
    @Inject
    ServicePointService servicePoints;
    @Inject
    Caller caller;
    @Inject
    AppClock clock;

    @GET
    @Path("/{servicePointCode}")
    @Operation(summary = "The queue of a day", description = "Tickets with, for waiting ones, an estimated wait (people ahead in the counter group "
            + "÷ its counters × the average service time today). Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Queue", content = @Content(schema = @Schema(implementation = QueueDtos.QueueView.class)))
    public QueueDtos.QueueView day(@PathParam("servicePointCode") String code, @QueryParam("date") LocalDate date) {
        return queue.day(managed(code), date != null ? date : clock.today());
    }

    @POST
    @Path("/{servicePointCode}/walk-ins")
    @Operation(summary = "Issue a walk-in ticket", description = "Within the internal quota of the slot running now.")
    @APIResponse(responseCode = "201", description = "Ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "409", description = "WALK_IN_QUOTA_EXHAUSTED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "OUTSIDE_OPENING_HOURS, PROCEDURE_NOT_SERVED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response walkIn(@PathParam("servicePointCode") String code, @NotNull @Valid QueueDtos.WalkIn request) {
        QueueTicket ticket = queue.walkIn(managed(code), request.procedureCode(), request.citizenName());
        return Response.status(201).entity(queue.view(ticket)).build();
    }

    @POST
    @Path("/{servicePointCode}/call-next")
    @Operation(summary = "Call the next ticket to a counter", description = "The lowest waiting number of the counter's group; two counters never get the same ticket.")
    @APIResponse(responseCode = "200", description = "Called ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "409", description = "QUEUE_EMPTY", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueDtos.TicketView callNext(@PathParam("servicePointCode") String code, @NotNull @Valid QueueDtos.CallNext request) {
        return queue.view(queue.callNext(managed(code), request.counterCode(), caller.subject()));
    }

    @POST
    @Path("/tickets/{id}/recall")
    @Operation(summary = "Call a ticket again")
    @APIResponse(responseCode = "200", description = "Ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "409", description = "CALL_LIMIT_REACHED, TICKET_WRONG_STATE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueDtos.TicketView recall(@PathParam("id") String id) {
        return queue.view(queue.recall(Ids.parse("Queue ticket", id), caller));
    }

    @POST
    @Path("/tickets/{id}/served")
    @Operation(summary = "Mark a called ticket served", description = "Emits booking-served for a booked ticket.")
    @APIResponse(responseCode = "200", description = "Ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "409", description = "TICKET_WRONG_STATE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueDtos.TicketView served(@PathParam("id") String id) {
        return queue.view(queue.served(Ids.parse("Queue ticket", id), caller));
    }

    @POST
    @Path("/tickets/{id}/no-show")
    @Operation(summary = "Mark a ticket a no-show", description = "After the configured number of calls, or once the slot is over. Emits booking-no-show.")
    @APIResponse(responseCode = "200", description = "Ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "409", description = "TICKET_WRONG_STATE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "NO_SHOW_TOO_EARLY", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QueueDtos.TicketView noShow(@PathParam("id") String id) {
        return queue.view(queue.noShow(Ids.parse("Queue ticket", id), caller));
    }

    private ServicePoint managed(String code) {
        ServicePoint point = servicePoints.require(code);
        StaffScope.requireManages(caller, point);
        return point;
    }
}
