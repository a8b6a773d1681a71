package cn.etdz.indicator.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stored indicator catalogue: the plan's loaded by migration, more added by administrators; read by the API and by validation. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorRepository implements PanacheRepositoryBase<IndicatorEntity, String> {

    /**
     * Every catalogue entry by code, for validation. Read afresh for each check (a few dozen rows): administrators add
     * and change indicators while the service runs, and every replica must check against the same catalogue at once.
     */
    public Map<String, IndicatorRule> rules() {
        return listAll().stream().map(IndicatorRule::of)
                .collect(Collectors.toUnmodifiableMap(IndicatorRule::code, Function.identity()));
    }

    /** Whether any revision holds a value of the indicator. */
    boolean hasValues(String code) {
        return !getEntityManager().createNativeQuery("select 1 from submission_value where indicator = :code limit 1")
                .setParameter("code", code).getResultList().isEmpty();
    }
}
