package cn.etdz.indicator.catalogue;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.indicator.zone.ZoneType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** The catalogue as the API shows it: filtered lists and single entries. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CatalogueService {

    @Inject
    IndicatorRepository indicators;

    public List<IndicatorView> list(ZoneType zoneType, String pillar) {
        return indicators.listAll(Sort.by("code")).stream()
                .filter(entity -> zoneType == null || IndicatorRule.of(entity).appliesTo(zoneType))
                .filter(entity -> pillar == null || pillar.equals(entity.pillar))
                .map(IndicatorView::of)
                .toList();
    }

    public IndicatorView get(String code) {
        return indicators.findByIdOptional(code).map(IndicatorView::of)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.catalogue.unknown", code)));
    }
}
