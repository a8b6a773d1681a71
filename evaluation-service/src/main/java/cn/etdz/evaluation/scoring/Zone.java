package cn.etdz.evaluation.scoring;

/**
 * A zone as the engine sees it.
 *
 * @param code   stable identifier, e.g. {@code SUZHOU-IP}
 * @param type   its peer group
 * @param region its statistical region; the methodology's {@link RegionGrouping} maps it to a region group
 */
public record Zone(String code, ZoneType type, Region region) {
}
