package cn.etdz.evaluation.methodology;

import cn.etdz.evaluation.scoring.Methodology;

import java.time.OffsetDateTime;

/**
 * A methodology version as the API shows it.
 *
 * @param key         the identifier to use in paths: {@code id@version}
 * @param active      whether it scores its zone type now (the newest version created for the type)
 * @param used        whether a score snapshot was computed with it
 * @param methodology pillars, indicators, weights, normalisations and parameters
 */
public record MethodologyView(String key, String id, int version, String zoneType, boolean active, boolean used,
                              OffsetDateTime createdAt, String createdBy, Methodology methodology) {
}
