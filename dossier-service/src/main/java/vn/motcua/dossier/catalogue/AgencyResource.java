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
import vn.motcua.dossier.catalogue.CatalogueViews.AgencyView;
import vn.motcua.dossier.common.Params;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;

import java.util.List;

@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Catalogue")
public class AgencyResource {

    @Inject
    CatalogueService catalogue;

    @GET
    @Operation(summary = "List agencies", description = "Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "Agencies (at most 500)")
    @APIResponse(responseCode = "400", description = "Unknown level",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AgencyView> list(@Parameter(description = "CENTRAL, PROVINCE or COMMUNE") @QueryParam("level") String level,
                                 @Parameter(example = "000.00.01.H29") @QueryParam("parentCode") String parentCode) {
        CatalogueViews.AgencyLevel parsed = Params.enumOf("level", level, CatalogueViews.AgencyLevel.class);
        return catalogue.agencies(parsed == null ? null : parsed.name(), parentCode);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One agency", description = "Public. Strongly consistent.")
    @APIResponse(responseCode = "200", description = "The agency")
    @APIResponse(responseCode = "404", description = "Unknown code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgencyView get(@Parameter(example = "000.00.12.H29") @PathParam("code") String code) {
        return catalogue.agency(code).orElseThrow(() -> new CommonProblems.NotFound("Agency", code));
    }
}
