package vn.motcua.notification.preference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.notification.rules.Category;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.util.List;

@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CITIZEN)
@SecurityRequirement(name = "jwt")
@Tag(name = "Preferences", description = "A citizen's channels per category")
public class PreferenceResource {

    @Inject
    PreferenceService preferences;
    @Inject
    Caller caller;

    public record ChannelChoice(@NotNull @Schema(example = "true") Boolean email,
                                @NotNull @Schema(example = "false") Boolean sms,
                                @NotNull @Schema(example = "true") Boolean inApp) {
    }

    @GET
    @Operation(summary = "My channel choices per category",
            description = "Categories DOSSIER, PAYMENT, APPOINTMENT, DELIVERY; every channel is on until changed. "
                    + "Mandatory notices (refusal, payment confirmation, a booking cancelled by a suspension) always reach "
                    + "the inbox. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Choices", content = @Content(examples = @ExampleObject(name = "choices", value = """
            [{"category":"DOSSIER","email":true,"sms":false,"inApp":true}]""")))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a citizen",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PreferenceService.Choice> mine() {
        return preferences.of(caller.subject());
    }

    @PUT
    @Path("/{category}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose my channels for one category", description = "Applies to notices created from now on.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "no SMS", value = "{\"email\":true,\"sms\":false,\"inApp\":true}")))
    @APIResponse(responseCode = "200", description = "Saved")
    @APIResponse(responseCode = "400", description = "Unknown category or missing choice",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PreferenceService.Choice choose(@PathParam("category") String category, @NotNull @Valid ChannelChoice choice) {
        Category c;
        try {
            c = Category.valueOf(category.toUpperCase());
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null || !PreferenceService.CITIZEN_CATEGORIES.contains(c)) {
            throw new CommonProblems.InvalidInput("category", "must be one of " + PreferenceService.CITIZEN_CATEGORIES);
        }
        return preferences.set(caller.subject(), new PreferenceService.Choice(c, choice.email(), choice.sms(), choice.inApp()));
    }
}
