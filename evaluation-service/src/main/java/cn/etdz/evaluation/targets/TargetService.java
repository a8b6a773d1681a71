package cn.etdz.evaluation.targets;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.readmodel.ReadModelRepository;
import cn.etdz.evaluation.readmodel.ZoneDirectory;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.snapshot.Basis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target attainment, computed from the current inputs (the newest revision of each zone-period) rather than from a
 * snapshot: it involves no peer-relative normalisation, so it is always up to date.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TargetService {

    @Inject
    ReadModelRepository readModel;
    @Inject
    ZoneDirectory directory;

    /** What a targets query asks for: every zone's lines and the aggregate, only the aggregate, or one zone's lines. */
    private enum Scope {
        ALL, AGGREGATE, ZONE
    }

    /**
     * Attainment of the zones of the type that have an input for the period and of them all together; with
     * {@code aggregateOnly} only the aggregate (no zone lines), with a {@code zone} only that zone's lines (no
     * aggregate, which would need every zone's values).
     */
    public TargetsView targets(ZoneType type, String period, boolean aggregateOnly, String zone, Basis basis) {
        Scope scope = zone != null ? Scope.ZONE : aggregateOnly ? Scope.AGGREGATE : Scope.ALL;
        if (zone != null) {
            checkZone(type, zone, aggregateOnly);
        }
        int year = Integer.parseInt(period);
        boolean official = basis == Basis.OFFICIAL;
        List<ReadModelRepository.ZoneWithInput> zones = (official ? readModel.zonesWithApprovedInput(type.name(), period)
                : readModel.zonesWithInput(type.name(), period)).stream()
                .filter(z -> scope != Scope.ZONE || z.code().equals(zone)).toList();
        List<String> codes = zones.stream().map(ReadModelRepository.ZoneWithInput::code).toList();
        Map<String, Map<String, Double>> current = values(period, codes, official);
        Map<String, Map<String, Double>> previous = values(Integer.toString(year - 1), codes, official);
        Map<String, Map<String, Double>> base = scope == Scope.AGGREGATE ? new HashMap<>()
                : values("2010", codes, official);

        List<TargetsView.ZoneTargets> lines = new ArrayList<>();
        for (ReadModelRepository.ZoneWithInput z : zones) {
            String code = z.code();
            Map<String, Double> values = current.computeIfAbsent(code, c -> new HashMap<>());
            if (z.developedAreaKm2() != null) {
                // per-land values fall back on the registry's developed area, as in scoring
                values.putIfAbsent("AREA_BUILT", z.developedAreaKm2());
                base.computeIfAbsent(code, c -> new HashMap<>()).putIfAbsent("AREA_BUILT", z.developedAreaKm2());
            }
            if (scope != Scope.AGGREGATE) {
                lines.add(new TargetsView.ZoneTargets(code, z.name(), z.province(), z.region(), z.revision(),
                        TargetCalculator.zone(type, year, values, previous.getOrDefault(code, Map.of()),
                                base.getOrDefault(code, Map.of()))));
            }
        }
        List<TargetLine> aggregate = scope == Scope.ZONE ? List.of()
                : TargetCalculator.aggregate(type, year, current, previous);
        return new TargetsView(type.name(), period, aggregate, lines, basis.code());
    }

    private Map<String, Map<String, Double>> values(String period, List<String> codes, boolean official) {
        return official ? readModel.approvedValues(period, codes) : readModel.periodValues(period, codes);
    }

    private void checkZone(ZoneType type, String zone, boolean aggregateOnly) {
        if (aggregateOnly) {
            throw ProblemException.badRequest(Message.of("common.query.detail"), List.of(new Violation("zone", "conflict",
                    Message.of("evaluation.targets.zone-and-aggregate"))));
        }
        ZoneDirectory.ZoneInfo info = directory.all().get(zone);
        if (info == null) {
            throw ProblemException.notFound(Message.of("evaluation.zone.unknown", zone));
        }
        if (!info.type().equals(type.name())) {
            throw ProblemException.badRequest(Message.of("common.query.detail"), List.of(new Violation("zone", "wrong-type",
                    Message.of("evaluation.targets.zone-type", zone, info.type(), type.name()))));
        }
    }
}
