package cn.etdz.indicator.zone;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.api.Page;
import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/zones")
@Tag(name = "Zones", description = "The registry of national zones")
public class ZoneResource {

    @Inject
    ZoneService zones;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listZones", summary = "List zones",
            description = "The zone registry, filtered by type (ETDZ 国家级经济技术开发区, BECZ 边境经济合作区), province or region (EAST "
                    + "东部, CENTRAL 中部, NORTHEAST 东北, WEST 西部), and paged.")
    public Page<ZoneView> list(@Parameter(description = "ETDZ or BECZ") @QueryParam("type") String type,
                               @Parameter(description = "GB/T 2260 province code") @QueryParam("province") String province,
                               @Parameter(description = "EAST, CENTRAL, NORTHEAST or WEST") @QueryParam("region") String region,
                               @Parameter(description = "Page number, from 0",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
                               @QueryParam("page") String page,
                               @Parameter(description = "Rows per page, 1 to 500",
                                       schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50"))
                               @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        ZoneType zoneType = parameters.oneOf("type", type, ZoneType.class, false);
        Region zoneRegion = parameters.oneOf("region", region, Region.class, false);
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        parameters.check();
        return zones.list(zoneType, province, zoneRegion, pageNumber, pageSize);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getZone", summary = "Get one zone",
            description = "One zone of the registry by its code, with its type, province, region, approval date, status "
                    + "and developed area.")
    public ZoneView get(@PathParam("code") String code) {
        return zones.find(code).orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", code)));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerZone", summary = "Register a zone",
            description = "Adds a zone to the registry: code, Chinese and English name, type (ETDZ 国家级经济技术开发区 or BECZ "
                    + "边境经济合作区), province (its region is derived from it), approval date, status and developed area. "
                    + "Published to zones.v1 for the evaluation service. Administrators only.")
    @APIResponse(responseCode = "201", description = "Registered.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "403", description = "Only an administrator registers zones.")
    @APIResponse(responseCode = "409", description = "The zone code is already registered.")
    @APIResponse(responseCode = "422", description = "A field is invalid; `violations` names each one.")
    public Response register(ZoneRequest request, @Context UriInfo uri) {
        ZoneView zone = zones.register(request == null ? new ZoneRequest(null, null, null, null, null, null, null, null) : request);
        return Response.created(uri.getAbsolutePathBuilder().path(zone.code()).build()).entity(zone).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateZone", summary = "Change a zone",
            description = "Replaces a zone's name, type, province, approval date, status or developed area; the code "
                    + "stays. Published to zones.v1, so the evaluation service rescores the zone's peer groups. "
                    + "Administrators only.")
    public ZoneView update(@PathParam("code") String code, ZoneRequest request) {
        if (request == null) {
            throw ProblemException.badRequest(Message.of("indicator.zone.document-required"), List.of());
        }
        return zones.update(code, request);
    }
}
