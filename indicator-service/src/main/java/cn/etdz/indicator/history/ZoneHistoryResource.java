package cn.etdz.indicator.history;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.security.Roles;
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

/**
 * A zone's submissions over time, under the zone's path. The class path is exactly {@code ZoneResource}'s: RESTEasy
 * Reactive merges root resources with the same path, but would stop at the longer one of two different paths and
 * answer 404 for the other's methods.
 */
@Path("/api/v1/zones")
@Tag(name = "Zones")
public class ZoneHistoryResource {

    @Inject
    ZoneHistoryService history;

    @GET
    @Path("/{code}/revisions")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listZoneRevisions", summary = "List the revisions of a zone's period",
            description = "Every revision of a zone-period, oldest first: who sent it (token subject and province), when, "
                    + "whether it was late, and what changed against the previous revision (ADDED, CHANGED, REMOVED). "
                    + "Submitters see their own province only.")
    public List<RevisionView> revisions(@PathParam("code") String code,
                                        @Parameter(description = "The year; all periods when omitted")
                                        @QueryParam("period") String period) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, false);
        parameters.check();
        return history.revisions(code, period);
    }

    @GET
    @Path("/{code}/values")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getZoneValues", summary = "Get a zone's values over time",
            description = "A zone's newest accepted values as time series, one per indicator, each point with its period, "
                    + "revision and provisional mark; filtered by indicator and by a range of periods. Submitters see "
                    + "their own province only.")
    public ValueSeries values(@PathParam("code") String code,
                              @Parameter(description = "Only this indicator") @QueryParam("indicator") String indicator,
                              @Parameter(description = "First period, inclusive") @QueryParam("from") String from,
                              @Parameter(description = "Last period, inclusive") @QueryParam("to") String to) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("from", from, false);
        parameters.period("to", to, false);
        parameters.check();
        return history.values(code, indicator, from, to);
    }

}
