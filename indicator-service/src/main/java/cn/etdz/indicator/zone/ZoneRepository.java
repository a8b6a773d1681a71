package cn.etdz.indicator.zone;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class ZoneRepository implements PanacheRepositoryBase<ZoneEntity, String> {

    /** Zones matching every filter given (null filters are ignored), ordered by code. */
    public PanacheQuery<ZoneEntity> filtered(ZoneType type, String province, Region region) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (type != null) {
            clauses.add("type = :type");
            parameters.and("type", type);
        }
        if (province != null) {
            clauses.add("province = :province");
            parameters.and("province", province);
        }
        if (region != null) {
            clauses.add("region = :region");
            parameters.and("region", region);
        }
        if (clauses.isEmpty()) {
            return findAll(Sort.by("code"));
        }
        return find(String.join(" and ", clauses), Sort.by("code"), parameters);
    }
}
