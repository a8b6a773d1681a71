package cn.etdz.indicator.catalogue;

import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.IndicatorDefined;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.zone.ZoneType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The catalogue as the API shows it (filtered lists and single entries), and the indicators administrators add and
 * change. Every addition and change reaches indicators.v1 through the outbox, in the transaction that made it.
 */
@ApplicationScoped
@Transactional
public class CatalogueService {

    @Inject
    IndicatorRepository indicators;
    @Inject
    Outbox outbox;
    @Inject
    IndicatorConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorView> list(ZoneType zoneType, String pillar) {
        return indicators.listAll(Sort.by("code")).stream()
                .filter(entity -> zoneType == null || IndicatorRule.of(entity).appliesTo(zoneType))
                .filter(entity -> pillar == null || pillar.equals(entity.pillar))
                .map(IndicatorView::of)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IndicatorView get(String code) {
        return indicators.findByIdOptional(code).map(IndicatorView::of)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.catalogue.unknown", code)));
    }

    /** Adds an indicator; {@code 409} when the code is taken. */
    public IndicatorView add(IndicatorRequest request, String addedBy) {
        List<Violation> violations = IndicatorRules.check(request, true);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.catalogue.invalid"), violations);
        }
        if (indicators.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict(Message.of("indicator.catalogue.exists", request.code()));
        }
        IndicatorEntity indicator = new IndicatorEntity();
        indicator.code = request.code();
        indicator.addedBy = addedBy;
        indicator.addedAt = now();
        apply(indicator, request);
        try {
            indicators.persistAndFlush(indicator);
        } catch (ConstraintViolationException e) {
            // the same code added by another request since the check above
            throw ProblemException.conflict(Message.of("indicator.catalogue.exists", request.code()));
        }
        publish(indicator);
        return IndicatorView.of(indicator);
    }

    /**
     * Changes an indicator an administrator added: names, unit, pillar, range, zone types, required; the value type only
     * while no revision holds a value of it. The plan's indicators are not changed through the API ({@code 409}).
     */
    public IndicatorView change(String code, IndicatorRequest request) {
        IndicatorEntity indicator = indicators.findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.catalogue.unknown", code)));
        List<Violation> violations = IndicatorRules.check(request, false);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.catalogue.invalid"), violations);
        }
        if (indicator.addedBy == null) {
            throw ProblemException.conflict(Message.of("indicator.catalogue.plan-indicator", code));
        }
        ValueType valueType = IndicatorRules.valueType(request.valueType());
        if (valueType != indicator.valueType && indicators.hasValues(code)) {
            throw ProblemException.conflict(Message.of("indicator.catalogue.value-type-in-use", code,
                    indicator.valueType, valueType));
        }
        apply(indicator, request);
        publish(indicator);
        return IndicatorView.of(indicator);
    }

    private void publish(IndicatorEntity indicator) {
        IndicatorView view = IndicatorView.of(indicator);
        outbox.append(new Outbox.Entry(config.topics().indicators(), view.code(), EventTypes.INDICATOR_DEFINED,
                view.code(), IndicatorDefined.SCHEMA_VERSION, new IndicatorDefined(view.code(), view.name(), view.nameEn(),
                view.unit(), view.pillar(), view.valueType().name(), view.minValue(), view.maxValue(),
                view.appliesTo().stream().map(ZoneType::name).toList(), view.required())));
    }

    private static void apply(IndicatorEntity indicator, IndicatorRequest request) {
        indicator.name = request.name();
        indicator.nameEn = request.nameEn();
        indicator.unit = request.unit();
        indicator.pillar = request.pillar();
        indicator.valueType = IndicatorRules.valueType(request.valueType());
        indicator.minValue = request.minValue();
        indicator.maxValue = request.maxValue();
        indicator.appliesEtdz = request.appliesTo().contains(ZoneType.ETDZ.name());
        indicator.appliesBecz = request.appliesTo().contains(ZoneType.BECZ.name());
        indicator.required = Boolean.TRUE.equals(request.required());
        indicator.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
