package cn.etdz.indicator.zone;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.api.Page;
import cn.etdz.common.api.Paging;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.events.EventTypes;
import cn.etdz.common.events.ZoneChanged;
import cn.etdz.common.outbox.Outbox;
import cn.etdz.indicator.config.IndicatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
@Transactional
public class ZoneService {

    @Inject
    ZoneRepository zones;
    @Inject
    Outbox outbox;
    @Inject
    IndicatorConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ZoneView> list(ZoneType type, String province, Region region, int page, int size) {
        var query = zones.filtered(type, province, region);
        long total = query.count();
        List<ZoneView> items = Paging.pastTheEnd(page, size, total) ? List.of()
                : query.page(page, size).list().stream().map(ZoneView::of).toList();
        return new Page<>(items, page, size, total);
    }

    /** Every zone of a province and type, by code (a province has a few dozen). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ZoneView> inProvince(String province, ZoneType type) {
        return zones.filtered(type, province, null).list().stream().map(ZoneView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ZoneView> find(String code) {
        return zones.findByIdOptional(code).map(ZoneView::of);
    }

    /** The persistent zone, for other features of this service. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ZoneEntity> entity(String code) {
        return zones.findByIdOptional(code);
    }

    public ZoneView register(ZoneRequest request) {
        List<Violation> violations = ZoneRules.check(request, true);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.zone.invalid"), violations);
        }
        if (zones.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict(Message.of("indicator.zone.exists", request.code()));
        }
        ZoneEntity zone = new ZoneEntity();
        zone.code = request.code();
        zone.createdAt = now();
        apply(zone, request);
        zones.persist(zone);
        publish(zone);
        return ZoneView.of(zone);
    }

    public ZoneView update(String code, ZoneRequest request) {
        ZoneEntity zone = zones.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", code)));
        List<Violation> violations = ZoneRules.check(request, false);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("indicator.zone.invalid"), violations);
        }
        apply(zone, request);
        publish(zone);
        return ZoneView.of(zone);
    }

    /** Every change reaches zones.v1 with the zone's full state, in the transaction that made it. */
    private void publish(ZoneEntity zone) {
        outbox.append(new Outbox.Entry(config.topics().zones(), zone.code, EventTypes.ZONE_CHANGED, zone.code,
                ZoneChanged.SCHEMA_VERSION, new ZoneChanged(zone.code, zone.name, zone.nameEn, zone.type.name(),
                zone.province, zone.region.name(), zone.approvedOn, zone.status, zone.developedAreaKm2)));
    }

    private static void apply(ZoneEntity zone, ZoneRequest request) {
        zone.name = request.name();
        zone.nameEn = request.nameEn();
        zone.type = ZoneType.valueOf(request.type());
        zone.province = request.province();
        zone.region = Region.ofProvince(request.province()).orElseThrow();
        zone.approvedOn = request.approvedOn();
        zone.status = request.status() == null ? "ACTIVE" : request.status();
        zone.developedAreaKm2 = request.developedAreaKm2();
        zone.updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
