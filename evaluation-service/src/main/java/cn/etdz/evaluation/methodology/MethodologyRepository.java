package cn.etdz.evaluation.methodology;

import cn.etdz.evaluation.scoring.Methodology;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Methodology versions, stored as the engine's {@link Methodology} in JSON: the engine's record is the schema, so
 * what is stored is exactly what is scored. Rows are only ever inserted.
 */
@ApplicationScoped
public class MethodologyRepository {

    private static final String COLUMNS = "select id, version, definition, created_at, created_by from methodology ";

    @Inject
    ObjectMapper json;

    private EntityManager em() {
        return Panache.getEntityManager();
    }

    public List<StoredMethodology> all() {
        return query(COLUMNS + "order by id, version", null, null);
    }

    public Optional<StoredMethodology> find(String id, int version) {
        return query(COLUMNS + "where id = ?1 and version = ?2", id, version).stream().findFirst();
    }

    /**
     * The version a key names: {@code id@version} (as snapshots and the API name it), or the newest version of a bare
     * {@code id}; empty when there is none or the version is not a number.
     */
    public Optional<StoredMethodology> byKey(String key) {
        int at = key.lastIndexOf('@');
        if (at < 0) {
            return latest(key);
        }
        try {
            return find(key.substring(0, at), Integer.parseInt(key.substring(at + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<StoredMethodology> latest(String id) {
        return query(COLUMNS + "where id = ?1 order by version desc limit 1", id, null).stream().findFirst();
    }

    /** The methodology that scores a zone type: the one created last. */
    public Optional<StoredMethodology> active(String zoneType) {
        return query(COLUMNS + "where zone_type = ?1 order by created_at desc, version desc limit 1", zoneType, null)
                .stream().findFirst();
    }

    /** The zone type an id scores, if the id exists. */
    public Optional<String> zoneTypeOf(String id) {
        @SuppressWarnings("unchecked")
        List<Object> types = em().createNativeQuery("select zone_type from methodology where id = ?1 limit 1")
                .setParameter(1, id).getResultList();
        return types.stream().findFirst().map(Object::toString);
    }

    /** Whether a snapshot was computed with this version (it is then immutable even in spirit: it is evidence). */
    public boolean used(String id, int version) {
        return !em().createNativeQuery(
                        "select 1 from score_snapshot where methodology_id = ?1 and methodology_version = ?2 limit 1")
                .setParameter(1, id).setParameter(2, version).getResultList().isEmpty();
    }

    public int nextVersion(String id) {
        Number max = (Number) em().createNativeQuery("select coalesce(max(version), 0) from methodology where id = ?1")
                .setParameter(1, id).getSingleResult();
        return max.intValue() + 1;
    }

    /** Inserts a version unless it exists; true when inserted. */
    public boolean insert(String id, int version, Methodology methodology, String createdBy) {
        try {
            return em().createNativeQuery("""
                            insert into methodology (id, version, zone_type, definition, created_at, created_by)
                            values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing""")
                    .setParameter(1, id)
                    .setParameter(2, version)
                    .setParameter(3, methodology.zoneType().name())
                    .setParameter(4, json.writeValueAsString(methodology))
                    .setParameter(5, Timestamp.from(Instant.now()))
                    .setParameter(6, createdBy)
                    .executeUpdate() == 1;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Methodology cannot be serialised", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<StoredMethodology> query(String sql, Object first, Object second) {
        var query = em().createNativeQuery(sql);
        if (first != null) {
            query.setParameter(1, first);
        }
        if (second != null) {
            query.setParameter(2, second);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(row -> {
            String id = (String) row[0];
            int version = ((Number) row[1]).intValue();
            try {
                return new StoredMethodology(id, version, StoredMethodology.key(id, version),
                        json.readValue((String) row[2], Methodology.class), toOffset(row[3]), (String) row[4]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored methodology " + id + "@" + version + " cannot be read", e);
            }
        }).toList();
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
