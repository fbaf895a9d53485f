package vn.motcua.appointment.booking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.appointment.booking.BookingDtos.BookingView;
import vn.motcua.appointment.queue.QueueDtos;
import vn.motcua.appointment.queue.QueueService;
import vn.motcua.appointment.queue.QueueTicket;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.web.Ids;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.request.IdempotencyKeys;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.net.URI;
import java.time.LocalDate;

@Path("/api/v1/appointments/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "FORBIDDEN: role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BookingResource {

    @Inject
    BookingService service;
    @Inject
    QueueService queue;
    @Inject
    IdempotencyKeys idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Book a slot (hold a seat)",
            description = "Takes a seat of the slot for the hold time and returns the booking code; confirm it with "
                    + "POST /{id}/confirmation before holdExpiresAt or the seat is released. Never overbooks: the last "
                    + "seat goes to exactly one request, the others get 409 SLOT_FULL. A dossierId must name one of "
                    + "the caller's own dossiers that has not ended (as dossier.events reported it, which may lag a "
                    + "few seconds behind dossier-service); anything else is 422. Accepts Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Held", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED / MALFORMED_JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SLOT_FULL, IDEMPOTENCY_KEY_REUSED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "SLOT_IN_PAST, MINIMUM_NOTICE_NOT_MET, BEYOND_BOOKING_HORIZON, SERVICE_POINT_CLOSED, "
            + "OUTSIDE_OPENING_HOURS, PROCEDURE_NOT_SERVED, ACTIVE_BOOKING_EXISTS, WEEKLY_BOOKING_LIMIT, "
            + "INTAKE_SUSPENDED, DOSSIER_NOT_LINKABLE (dossierId unknown or not the caller's: one answer for both), "
            + "DOSSIER_CLOSED (the caller's dossier was refused, withdrawn, stopped or returned)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid BookingDtos.CreateBooking request,
                           @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey) {
        Viewer viewer = Viewer.of(caller);
        return idempotency.run("booking.create", caller.subject(), idempotencyKey, request, () -> {
            Booking booking = service.hold(viewer.applicant(), request);
            return IdempotencyKeys.Outcome.created(URI.create("/api/v1/appointments/bookings/" + booking.id),
                    view(booking));
        });
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "List bookings", description = "A citizen gets their own; an officer those of their agency's service points. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "A page of bookings")
    public Page<BookingView> list(@QueryParam("servicePointCode") String servicePointCode, @QueryParam("date") LocalDate date,
                                  @QueryParam("status") BookingStatus status,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<Booking> found = service.list(Viewer.of(caller), servicePointCode, date, status, PageRequest.of(page, size));
        return new Page<>(found.items().stream().map(BookingResource::view).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "One booking", description = "Another citizen's booking is 404. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingView get(@PathParam("id") String id) {
        return service.find(Ids.parse("Booking", id), Viewer.of(caller)).map(BookingResource::view)
                .orElseThrow(() -> new CommonProblems.NotFound("Booking", id));
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Confirm a held booking", description = "Emits booking-created. Reminders follow 24 h and 2 h before.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "HOLD_EXPIRED, BOOKING_WRONG_STATE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingView confirm(@PathParam("id") String id) {
        return view(service.confirm(Ids.parse("Booking", id), Viewer.of(caller)));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Cancel a booking", description = "The citizen until the change cutoff before the slot; officers of the point any time. Gives the seat back; emits booking-cancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND (also another citizen's booking)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "BOOKING_WRONG_STATE, VERSION_CONFLICT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CHANGE_CUTOFF_PASSED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingView cancel(@PathParam("id") String id, @Valid BookingDtos.Cancel request) {
        return view(service.cancel(Ids.parse("Booking", id), Viewer.of(caller),
                request != null ? request : new BookingDtos.Cancel(null, null)));
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(summary = "Move a booking to another slot", description = "Same service point and procedure, until the change cutoff. The new seat is taken before the old one is given back.")
    @APIResponse(responseCode = "200", description = "Rescheduled", content = @Content(schema = @Schema(implementation = BookingView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "SLOT_FULL, BOOKING_WRONG_STATE, VERSION_CONFLICT", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CHANGE_CUTOFF_PASSED and the slot refusals of booking", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BookingView reschedule(@PathParam("id") String id, @NotNull @Valid BookingDtos.Reschedule request) {
        return view(service.reschedule(Ids.parse("Booking", id), Viewer.of(caller), request));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({Roles.CITIZEN, Roles.OFFICER, Roles.LEADER, Roles.ADMIN})
    @Operation(summary = "Check in and take a queue number", description = "From one hour before the slot until its end plus the grace period; by the citizen (kiosk) or an officer of the point. Emits booking-checked-in.")
    @APIResponse(responseCode = "201", description = "Queue ticket", content = @Content(schema = @Schema(implementation = QueueDtos.TicketView.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "ALREADY_CHECKED_IN, BOOKING_WRONG_STATE", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "CHECK_IN_NOT_OPEN", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkIn(@PathParam("id") String id) {
        QueueTicket ticket = queue.checkIn(Ids.parse("Booking", id), Viewer.of(caller));
        return Response.status(201).entity(queue.view(ticket)).build();
    }

    static BookingView view(Booking booking) {
        return BookingView.of(booking, ServicePoint.findById(booking.servicePointId));
    }
}
