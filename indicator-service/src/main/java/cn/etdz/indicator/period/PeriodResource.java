package cn.etdz.indicator.period;

import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/periods")
@Tag(name = "Periods", description = "Closing a period to new revisions once its ranking is published, and reopening it")
public class PeriodResource {

    @Inject
    PeriodService periods;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listPeriods", summary = "List the periods and their states",
            description = "Every period that has revisions or was ever closed, newest first: OPEN (never closed), CLOSED "
                    + "(new revisions are refused with 409) or REOPENED, with who made the last change, when and why, "
                    + "and every close and reopen before it.")
    public List<PeriodView> list() {
        return periods.list();
    }

    @POST
    @Path("/{period}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "closePeriod", summary = "Close a period to new revisions",
            description = "Administrators close a period once its official ranking is published: from then on every "
                    + "new revision of it (single, batch, CSV, workbook, amendment) is refused with a 409 problem until "
                    + "an administrator reopens it. The reason is kept with the transition, which is also published as "
                    + "an event (periods.v1).")
    @APIResponse(responseCode = "200", description = "The period is closed; its state with every transition.")
    @APIResponse(responseCode = "400", description = "The period is not a year the platform takes.")
    @APIResponse(responseCode = "409", description = "The period is closed already.")
    @APIResponse(responseCode = "422", description = "The reason is missing or longer than 500 characters.")
    public PeriodView close(@Parameter(description = "The year to close, e.g. 2015") @PathParam("period") String period,
                            PeriodChange change) {
        return periods.close(period, change);
    }

    @POST
    @Path("/{period}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reopenPeriod", summary = "Reopen a closed period",
            description = "Administrators reopen a closed period for a correction after publication; it takes new "
                    + "revisions again (state REOPENED) until it is closed again. The reason is kept with the "
                    + "transition, which is also published as an event (periods.v1).")
    @APIResponse(responseCode = "200", description = "The period is reopened; its state with every transition.")
    @APIResponse(responseCode = "400", description = "The period is not a year the platform takes.")
    @APIResponse(responseCode = "409", description = "The period is not closed.")
    @APIResponse(responseCode = "422", description = "The reason is missing or longer than 500 characters.")
    public PeriodView reopen(@Parameter(description = "The year to reopen, e.g. 2015") @PathParam("period") String period,
                             PeriodChange change) {
        return periods.reopen(period, change);
    }
}
