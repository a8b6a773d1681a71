package cn.etdz.evaluation.targets;

import java.util.List;

/**
 * Attainment of the plan's targets in a period: in aggregate for the zone type, and per zone.
 *
 * @param aggregate the type's totals (GDP, FDI, tax) and ratios of sums against the plan's aggregate targets
 * @param zones     each zone with an input for the period, by code
 */
public record TargetsView(String zoneType, String period, List<TargetLine> aggregate, List<ZoneTargets> zones) {

    /** One zone's lines. */
    public record ZoneTargets(String zone, String name, String province, String region, int revision,
                              List<TargetLine> lines) {
    }
}
