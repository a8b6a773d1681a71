package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The scores of a peer group under one methodology version.
 *
 * @param methodologyId      the methodology's id
 * @param methodologyVersion its version
 * @param zoneType           the peer group
 * @param zones              one entry per zone: ranked zones by national rank (ties by code), then unranked ones
 *                           by code
 */
public record ScoringResult(String methodologyId, String methodologyVersion, ZoneType zoneType,
                            List<ZoneScore> zones) {

    public ScoringResult {
        zones = Collections.unmodifiableList(new ArrayList<>(zones));
    }

    /** The scores of one zone. */
    public Optional<ZoneScore> zone(String code) {
        return zones.stream().filter(zone -> zone.zone().equals(code)).findFirst();
    }
}
