package cn.etdz.indicator.catalogue;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.indicator.zone.ZoneType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The indicator catalogue: loaded by migration, read by the API and by validation. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueService implements PanacheRepositoryBase<IndicatorEntity, String> {

    public List<IndicatorView> list(ZoneType zoneType, String pillar) {
        return listAll(Sort.by("code")).stream()
                .filter(entity -> zoneType == null || IndicatorRule.of(entity).appliesTo(zoneType))
                .filter(entity -> pillar == null || pillar.equals(entity.pillar))
                .map(IndicatorView::of)
                .toList();
    }

    public IndicatorView get(String code) {
        return findByIdOptional(code).map(IndicatorView::of)
                .orElseThrow(() -> ProblemException.notFound("There is no indicator " + code + " in the catalogue."));
    }

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
