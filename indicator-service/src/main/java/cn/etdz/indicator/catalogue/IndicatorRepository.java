package cn.etdz.indicator.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stored indicator catalogue: loaded by migration, read by the API and by validation. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorRepository implements PanacheRepositoryBase<IndicatorEntity, String> {

    private volatile Map<String, IndicatorRule> rules;

    /**
     * Every catalogue entry by code, for validation. Read once: the catalogue only changes through migrations, which
     * run before the service starts.
     */
    public Map<String, IndicatorRule> rules() {
        Map<String, IndicatorRule> loaded = rules;
        if (loaded == null) {
            loaded = listAll().stream().map(IndicatorRule::of)
                    .collect(Collectors.toUnmodifiableMap(IndicatorRule::code, Function.identity()));
            rules = loaded;
        }
        return loaded;
    }
}
