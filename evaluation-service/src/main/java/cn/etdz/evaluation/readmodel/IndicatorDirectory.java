package cn.etdz.evaluation.readmodel;

import cn.etdz.evaluation.scoring.IndicatorCatalogue;
import cn.etdz.evaluation.scoring.ZoneType;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicator catalogue as this service has learned it from {@code indicators.v1} (the {@code indicator} table):
 * what a methodology's codes are checked against. Read afresh each time: it is asked only when a methodology is
 * posted or simulated, and an indicator an administrator just added must count at once.
 */
@ApplicationScoped
public class IndicatorDirectory {

    /** Every raw indicator known, with the zone types that report it, plus the derived ones. */
    public IndicatorCatalogue catalogue() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select code, applies_to from indicator order by code").getResultList();
        Map<String, Set<ZoneType>> raw = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Set<ZoneType> types = EnumSet.noneOf(ZoneType.class);
            Arrays.stream(((String) row[1]).split(",")).filter(type -> !type.isBlank())
                    .forEach(type -> types.add(ZoneType.valueOf(type)));
            raw.put((String) row[0], types);
        }
        return new IndicatorCatalogue(raw);
    }
}
