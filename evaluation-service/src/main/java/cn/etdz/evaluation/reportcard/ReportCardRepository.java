package cn.etdz.evaluation.reportcard;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a report card reads besides scores and targets: peer medians of a snapshot and the catalogue's names. */
@ApplicationScoped
public class ReportCardRepository {

    /** A catalogue entry as a card shows it: Chinese and English name ({@code null} when not known), unit. */
    public record IndicatorName(String name, String nameEn, String unit) {
    }

    /**
     * The median normalised score (0–100) of each indicator over the zones of a snapshot that have one, computed by
     * PostgreSQL from the stored explanations.
     */
    public Map<String, Double> peerMedians(long snapshotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        select e ->> 'indicator',
                               percentile_cont(0.5) within group (order by (e ->> 'normalised')::float8)
                        from zone_score, jsonb_array_elements(explanation::jsonb -> 'indicators') e
                        where snapshot_id = ?1 and e ->> 'normalised' is not null
                        group by 1""")
                .setParameter(1, snapshotId).getResultList();
        Map<String, Double> medians = new HashMap<>();
        rows.forEach(row -> medians.put((String) row[0], ((Number) row[1]).doubleValue()));
        return medians;
    }

    /** The catalogue's names and unit of every raw indicator the service has learned. */
    public Map<String, IndicatorName> indicatorNames() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("select code, name, name_en, unit from indicator")
                .getResultList();
        Map<String, IndicatorName> names = new HashMap<>();
        rows.forEach(row -> names.put((String) row[0],
                new IndicatorName((String) row[1], (String) row[2], (String) row[3])));
        return names;
    }
}
