package cn.etdz.evaluation.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Attainment of the plan's targets in a period: in aggregate for the zone type, and per zone.
 *
 * @param aggregate the type's totals (GDP, FDI, tax) and ratios of sums against the plan's aggregate targets
 * @param zones     each zone with an input for the period (on the official basis: with an approved revision), by code
 * @param basis     {@code official} (approved revisions only) or {@code preliminary} (the newest revisions)
 */
public record TargetsView(String zoneType, String period, List<TargetLine> aggregate, List<ZoneTargets> zones,
                          @Schema(enumeration = {"official", "preliminary"}) String basis) {

    /** One zone's lines. */
    public record ZoneTargets(String zone, String name, String province, String region, int revision,
                              List<TargetLine> lines) {
    }
}
