package vn.motcua.dossier.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.CurrentActor;
import vn.motcua.dossier.common.Params;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatisticsResource {

    @Inject
    StatisticsService statistics;
    @Inject
    CurrentActor currentActor;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.LEADER, Roles.ADMIN, Roles.PORTAL})
    @Operation(summary = "Statistics per agency, procedure and period",
            description = "Received by channel, refused, returned, early / on time / late and the on-time rate, online "
                    + "rate, online-payment rate, digitisation rate, overdue now, average rating. Officers and leaders see "
                    + "their own agency; administrators and the portal any agency (or all). Period at most 366 days, by "
                    + "day in Asia/Ho_Chi_Minh; default the last 30 days. Strongly consistent (counters are updated in the "
                    + "transaction of each transition).")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "Bad dates or period too long", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not allowed / another agency", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatisticsService.Report report(@Parameter(example = "000.00.12.H29") @QueryParam("agencyCode") String agencyCode,
                                           @Parameter(example = "1.001193") @QueryParam("procedureCode") String procedureCode,
                                           @Parameter(example = "2026-11-01") @QueryParam("from") String from,
                                           @Parameter(example = "2026-11-30") @QueryParam("to") String to) {
        Actor actor = currentActor.get();
        String agency = agencyCode;
        if (actor.is(Roles.OFFICER) || actor.is(Roles.LEADER)) {
            String own = currentActor.caller().requireAgency();
            if (agency != null && !agency.equals(own)) {
                throw new CommonProblems.Forbidden("Officers read the statistics of their own agency only");
            }
            agency = own;
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        LocalDate end = to == null ? today : Params.date("to", to);
        LocalDate start = from == null ? end.minusDays(29) : Params.date("from", from);
        if (start.isAfter(end)) {
            throw new CommonProblems.InvalidInput("from", "must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(start, end) > 366) {
            throw new CommonProblems.InvalidInput("to", "the period is at most 366 days");
        }
        return statistics.report(agency, procedureCode, start, end);
    }
}
