package vn.motcua.appointment.availability;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.web.problem.Problem;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/appointments/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class AvailabilityResource {

    @Inject
    SlotCatalogue catalogue;
    @Inject
    AppClock clock;

    @Schema(name = "Availability")
    public record AvailabilityView(String procedureCode, LocalDate from, LocalDate to,
                                   List<SlotCatalogue.SlotAvailability> slots) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Free slots of a procedure",
            description = "Public. Slots between from and to (days, at most 31) at one service point or every point "
                    + "serving the procedure, each with its capacity and remaining seats, after the minimum notice and "
                    + "within the booking horizon; slots inside an intake suspension are flagged. Eventually "
                    + "consistent: the booking re-checks the seat under a row lock.")
    @APIResponse(responseCode = "200", description = "Slots", content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @APIResponse(responseCode = "400", description = "Bad parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown service point", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "PROCEDURE_NOT_SERVED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AvailabilityView search(
            @Parameter(example = "1.001193") @QueryParam("procedureCode") @NotBlank @Pattern(regexp = "[0-9A-Za-z.]{3,30}") String procedureCode,
            @Parameter(example = "HN-BADINH-MC") @QueryParam("servicePointCode") @Pattern(regexp = "[A-Z0-9-]{2,50}") String servicePointCode,
            @Parameter(example = "2026-11-24") @QueryParam("from") LocalDate from,
            @Parameter(example = "2026-11-30") @QueryParam("to") LocalDate to) {
        LocalDate start = from != null ? from : clock.today();
        LocalDate end = to != null ? to : start.plusDays(6);
        return new AvailabilityView(procedureCode, start, end, catalogue.search(procedureCode, servicePointCode, start, end));
    }
}
