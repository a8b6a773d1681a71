package cn.etdz.evaluation.targets;

import cn.etdz.evaluation.readmodel.ReadModelRepository;
import cn.etdz.evaluation.scoring.ZoneType;
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

    /** Attainment of each zone of the type that has an input for the period, and of them all together. */
    public TargetsView targets(ZoneType type, String period) {
        int year = Integer.parseInt(period);
        List<ReadModelRepository.ZoneWithInput> zones = readModel.zonesWithInput(type.name(), period);
        List<String> codes = zones.stream().map(ReadModelRepository.ZoneWithInput::code).toList();
        Map<String, Map<String, Double>> current = readModel.periodValues(period, codes);
        Map<String, Map<String, Double>> previous = readModel.periodValues(Integer.toString(year - 1), codes);
        Map<String, Map<String, Double>> base = readModel.periodValues("2010", codes);

        List<TargetsView.ZoneTargets> lines = new ArrayList<>();
        for (ReadModelRepository.ZoneWithInput zone : zones) {
            String code = zone.code();
            Map<String, Double> values = current.computeIfAbsent(code, c -> new HashMap<>());
            if (zone.developedAreaKm2() != null) {
                // per-land values fall back on the registry's developed area, as in scoring
                values.putIfAbsent("AREA_BUILT", zone.developedAreaKm2());
                base.computeIfAbsent(code, c -> new HashMap<>()).putIfAbsent("AREA_BUILT", zone.developedAreaKm2());
            }
            lines.add(new TargetsView.ZoneTargets(code, zone.name(), zone.province(), zone.region(), zone.revision(),
                    TargetCalculator.zone(type, year, values, previous.getOrDefault(code, Map.of()),
                            base.getOrDefault(code, Map.of()))));
        }
        return new TargetsView(type.name(), period, TargetCalculator.aggregate(type, year, current, previous), lines);
    }
}
