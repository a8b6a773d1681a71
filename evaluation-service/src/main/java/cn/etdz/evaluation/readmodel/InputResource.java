package cn.etdz.evaluation.readmodel;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.stream.IntStream;

@Path("/api/v1/inputs")
@Tag(name = "Inputs", description = "What the evaluation service has received: the counting revision of each zone-period")
public class InputResource {

    @Inject
    ReadModelRepository readModel;

    @GET
    @Path("/{zone}/{period}")
    @Transactional(Transactional.TxType.SUPPORTS)
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getEvaluationInput", summary = "Get the revision the evaluation service scores",
            description = "The revision of a zone-period the evaluation service received over Kafka and scores, with its "
                    + "values, the event it came with and when it was applied. Compare its revision with the indicator "
                    + "service's to see that a submission has reached the scores.")
    public InputView get(@PathParam("zone") String zone, @PathParam("period") String period) {
        ZonePeriodInput input = readModel.input(zone, period)
                .orElseThrow(() -> ProblemException.notFound(
                        "No submission of " + zone + " for " + period + " has reached the evaluation service."));
        return new InputView(input.zoneCode, input.period, input.revision, input.submissionId, input.late,
                input.receivedAt, input.eventId, input.appliedAt,
                IntStream.range(0, input.indicators.length)
                        .mapToObj(i -> new InputView.Value(input.indicators[i], input.indicatorValues[i], input.provisional[i]))
                        .sorted(Comparator.comparing(InputView.Value::indicator)).toList());
    }
}
