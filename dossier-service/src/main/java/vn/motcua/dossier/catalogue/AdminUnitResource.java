package vn.motcua.dossier.catalogue;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.dossier.catalogue.CatalogueViews.AdminUnitView;
import vn.motcua.dossier.common.Params;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;

import java.util.List;

@Path("/api/v1/admin-units")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Catalogue")
public class AdminUnitResource {

    enum Level { PROVINCE, DISTRICT, COMMUNE }

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(summary = "List administrative units",
            description = "Provinces and communes (districts until 30 June 2025), optionally only those valid on a date "
                    + "(validOn=2025-07-01 excludes districts). Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Units (at most 1000)")
    @APIResponse(responseCode = "400", description = "Bad level or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AdminUnitView> list(@Parameter(description = "PROVINCE, DISTRICT or COMMUNE") @QueryParam("level") String level,
                                    @Parameter(example = "01") @QueryParam("parentCode") String parentCode,
                                    @Parameter(example = "2025-07-01") @QueryParam("validOn") String validOn) {
        Level parsed = Params.enumOf("level", level, Level.class);
        return catalogue.adminUnits(parsed == null ? null : parsed.name(), parentCode, Params.date("validOn", validOn));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One administrative unit", description = "Also units no longer valid. Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdminUnitView get(@Parameter(example = "00004") @PathParam("code") String code) {
        return catalogue.adminUnitView(code).orElseThrow(() -> new CommonProblems.NotFound("Administrative unit", code));
    }
}
