package cn.etdz.evaluation.methodology;

import cn.etdz.evaluation.scoring.Methodology;

import java.time.OffsetDateTime;

/**
 * A stored methodology version.
 *
 * @param key         public identifier {@code id@version}, e.g. {@code plan-2012-ETDZ@1}
 * @param methodology the engine's methodology (its version is the stored version as text)
 */
public record StoredMethodology(String id, int version, String key, Methodology methodology, OffsetDateTime createdAt,
                                String createdBy) {

    public static String key(String id, int version) {
        return id + "@" + version;
    }
}
