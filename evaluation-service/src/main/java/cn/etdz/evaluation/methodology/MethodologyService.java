package cn.etdz.evaluation.methodology;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.readmodel.IndicatorDirectory;
import cn.etdz.evaluation.scoring.Methodology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Methodologies as versioned data. A POST never changes a stored version: it adds the next version of its id, which
 * becomes the active methodology of its zone type, and every period of that type is recomputed with it (earlier
 * snapshots keep naming the version they were computed with).
 */
@ApplicationScoped
@Transactional
public class MethodologyService {

    @Inject
    MethodologyRepository methodologies;
    @Inject
    IndicatorDirectory indicators;
    @Inject
    Event<MethodologyActivated> activated;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MethodologyView> list() {
        return methodologies.all().stream().map(this::view).toList();
    }

    /** By {@code id@version}, or by {@code id} alone for its newest version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MethodologyView get(String key) {
        return find(key).map(this::view)
                .orElseThrow(() -> ProblemException.notFound(Message.of("evaluation.methodology.unknown", key)));
    }

    /** Used by the simulate endpoint to score with a stored version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredMethodology> find(String key) {
        return methodologies.byKey(key);
    }

    public MethodologyView create(MethodologyRequest request, String createdBy) {
        String id = request == null ? null : request.id();
        int version = id == null ? 1 : methodologies.nextVersion(id);
        MethodologyMapper.Mapped mapped = MethodologyMapper.map(request, Integer.toString(version),
                indicators.catalogue());
        List<Violation> violations = new ArrayList<>(mapped.violations());
        if (id != null && request.zoneType() != null) {
            methodologies.zoneTypeOf(id).filter(type -> !type.equalsIgnoreCase(request.zoneType().trim()))
                    .ifPresent(type -> violations.add(new Violation("zoneType", "zone-type-mismatch",
                            Message.of("evaluation.methodology.zone-type-mismatch", id, type))));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(Message.of("evaluation.methodology.invalid", violations.size()), violations);
        }
        Methodology methodology = mapped.methodology();
        if (!methodologies.insert(id, version, methodology, createdBy)) {
            throw ProblemException.conflict(Message.of("evaluation.methodology.concurrent", version, id));
        }
        activated.fire(new MethodologyActivated(methodology.zoneType().name()));
        return view(methodologies.find(id, version).orElseThrow());
    }

    private MethodologyView view(StoredMethodology stored) {
        String type = stored.methodology().zoneType().name();
        boolean active = methodologies.active(type).map(a -> a.key().equals(stored.key())).orElse(false);
        return new MethodologyView(stored.key(), stored.id(), stored.version(), type, active,
                methodologies.used(stored.id(), stored.version()), stored.createdAt(), stored.createdBy(),
                stored.methodology());
    }
}
