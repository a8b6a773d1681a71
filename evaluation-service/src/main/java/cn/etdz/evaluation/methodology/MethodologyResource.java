package cn.etdz.evaluation.methodology;

import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/methodologies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Methodologies", description = "Versioned scoring methodologies: pillars, indicators, weights, normalisations")
public class MethodologyResource {

    @Inject
    MethodologyService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listMethodologies", summary = "List methodology versions",
            description = "Every stored version of every scoring methodology (评价方法), the active one of each zone type "
                    + "marked, and whether a version has produced a snapshot. plan-2012-ETDZ@1 and plan-2012-BECZ@1 "
                    + "are seeded.")
    public List<MethodologyView> list() {
        return service.list();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getMethodology", summary = "Get one methodology version",
            description = "One methodology version by id@version, e.g. plan-2012-ETDZ@1, or by id alone for its newest "
                    + "version: pillars (经济发展, 科技创新, 生态环境, 社会发展, 体制建设) with their weights, indicators, transforms, "
                    + "normalisations and aggregations.")
    @APIResponse(responseCode = "404", description = "No such methodology",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The methodology version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MethodologyView.class)))
    public MethodologyView get(@Parameter(description = "`id@version`, e.g. `plan-2012-ETDZ@1`, or `id` for its newest version",
            example = "plan-2012-ETDZ@1") @PathParam("key") String key) {
        return service.get(key);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createMethodologyVersion", summary = "Add the next version of a methodology",
            description = "Stores the next version of a methodology id, validated as a whole (a 422 problem lists every "
                    + "problem at once). It becomes the active methodology of its zone type, and every period of that "
                    + "type is rescored into new snapshots; earlier snapshots keep naming the version they were "
                    + "computed with. Administrators only.")
    @APIResponse(responseCode = "201", description = "Stored as the next version",
            content = @Content(schema = @Schema(implementation = MethodologyView.class)))
    @APIResponse(responseCode = "422", description = "Every problem of the methodology",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(MethodologyRequest request) {
        MethodologyView created = service.create(request, caller.subject());
        return Response.created(UriBuilder.fromPath("/api/v1/methodologies/{key}").build(created.key()))
                .entity(created).build();
    }
}
