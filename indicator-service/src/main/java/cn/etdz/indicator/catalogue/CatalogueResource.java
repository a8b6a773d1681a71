package cn.etdz.indicator.catalogue;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.security.Roles;
import cn.etdz.indicator.zone.ZoneType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "The catalogue of raw indicators provinces submit")
public class CatalogueResource {

    @Inject
    CatalogueService catalogue;

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
}
