package cn.etdz.evaluation.readmodel;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.stream.IntStream;

/** The input the service scores for a zone-period, as the API shows it. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InputService {

    @Inject
    ReadModelRepository readModel;

    public InputView get(String zone, String period) {
        ZonePeriodInput input = readModel.input(zone, period)
                .orElseThrow(() -> ProblemException.notFound(
                        Message.of("evaluation.input.none", zone, period)));
        return new InputView(input.zoneCode, input.period, input.revision, input.submissionId, input.late,
                input.receivedAt, input.eventId, input.appliedAt,
                IntStream.range(0, input.indicators.length)
                        .mapToObj(i -> new InputView.Value(input.indicators[i], input.indicatorValues[i], input.provisional[i]))
                        .sorted(Comparator.comparing(InputView.Value::indicator)).toList());
    }
}
