package cn.etdz.indicator.catalogue;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "The catalogue of raw indicators provinces submit")
public class CatalogueResource {

    @Inject
    CatalogueService catalogue;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listIndicators", summary = "List the indicator catalogue",
            description = "The raw indicators provinces report (原始指标), each with its Chinese and English name, unit, "
                    + "pillar, value type, valid range, the zone types that report it and whether it is required, e.g. "
                    + "GDP (地区生产总值, 亿元). Filter by zoneType (ETDZ 国家级经济技术开发区, BECZ 边境经济合作区) or pillar.")
    public List<IndicatorView> list(@Parameter(description = "Only indicators reported by this zone type (ETDZ or BECZ)")
                                    @QueryParam("zoneType") String zoneType,
                                    @Parameter(description = "Only this pillar, e.g. economy")
                                    @QueryParam("pillar") String pillar) {
        QueryParameters parameters = new QueryParameters();
        ZoneType type = parameters.oneOf("zoneType", zoneType, ZoneType.class, false);
        parameters.check();
        return catalogue.list(type, pillar);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getIndicator", summary = "Get one indicator of the catalogue",
            description = "One raw indicator by its code, e.g. GDP (地区生产总值): names, unit, pillar, value type, valid range, "
                    + "the zone types that report it and whether it is required.")
    public IndicatorView get(@PathParam("code") String code) {
        return catalogue.get(code);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addIndicator", summary = "Add an indicator to the catalogue",
            description = "Adds a raw indicator provinces then report: code, Chinese and English name, unit, pillar (any "
                    + "code a methodology groups it under), value type (NUMBER, COUNT, PERCENT, YES_NO), valid range, the "
                    + "zone types that report it (ETDZ 国家级经济技术开发区, BECZ 边境经济合作区) and whether it is required. "
                    + "Submissions are checked against it at once; it is published to indicators.v1, after which a "
                    + "methodology may use its code. Administrators only.")
    @APIResponse(responseCode = "201", description = "Added.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "403", description = "Only an administrator adds indicators.")
    @APIResponse(responseCode = "409", description = "The code is in the catalogue already.")
    @APIResponse(responseCode = "422", description = "A field is invalid; `violations` names each one.")
    public Response add(IndicatorRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.catalogue.document-required"), List.of());
        }
        IndicatorView indicator = catalogue.add(request, caller.subject());
        return Response.created(uri.getAbsolutePathBuilder().path(indicator.code()).build()).entity(indicator).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateIndicator", summary = "Change an indicator an administrator added",
            description = "Replaces the names, unit, pillar, valid range, zone types and whether it is required of an "
                    + "indicator added through the API; the code stays. The value type changes only while no revision "
                    + "holds a value of it. New submissions are checked against the new rules; stored revisions stay as "
                    + "they were. The plan's own indicators are not changed here (409). Published to indicators.v1. "
                    + "Administrators only.")
    @APIResponse(responseCode = "200", description = "Changed.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "403", description = "Only an administrator changes indicators.")
    @APIResponse(responseCode = "404", description = "The catalogue has no such indicator.")
    @APIResponse(responseCode = "409", description = "A plan indicator, or a new value type for an indicator with stored "
            + "values.")
    @APIResponse(responseCode = "422", description = "A field is invalid; `violations` names each one.")
    public IndicatorView update(@Parameter(description = "Code of the indicator to change, e.g. GREEN_AREA")
                                @PathParam("code") String code, IndicatorRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.catalogue.document-required"), List.of());
        }
        return catalogue.change(code, request);
    }
}
