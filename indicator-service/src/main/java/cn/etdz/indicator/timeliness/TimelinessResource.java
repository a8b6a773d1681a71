package cn.etdz.indicator.timeliness;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/timeliness")
@Tag(name = "Timeliness", description = "Whether each province's data for a period arrived, and on time")
public class TimelinessResource {

    @Inject
    TimelinessService timeliness;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getTimeliness", summary = "Get the timeliness of a period",
            description = "Per province (省份): the zones expected to report a period, submitted, on time, late and missing, "
                    + "with the codes of the missing ones; annual data for year Y is due by 31 March of Y+1. "
                    + "Per zone: whether it reported, late or not, and its newest revision's review state; per "
                    + "province also how many are approved, approved by the deadline, awaiting review and returned. "
                    + "Submitters and reviewers see their own province only.")
    public TimelinessView timeliness(@Parameter(description = "The year, e.g. 2015", required = true)
                                     @QueryParam("period") String period) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.check();
        return timeliness.timeliness(period);
    }
}
