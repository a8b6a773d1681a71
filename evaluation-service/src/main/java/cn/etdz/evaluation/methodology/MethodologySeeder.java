package cn.etdz.evaluation.methodology;

import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.ZoneType;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Seeds the default methodology {@code plan-2012} (docs/method.md) as version 1 of {@code plan-2012-ETDZ} and
 * {@code plan-2012-BECZ}, from the engine's {@link Methodology#plan2012} so the seed and the engine's documented
 * default cannot drift apart. Runs before the consumer and the recompute worker; a seeded version is never rewritten.
 */
@ApplicationScoped
public class MethodologySeeder {

    public static final String SEEDED_BY = "system";

    @Inject
    MethodologyRepository methodologies;

    @Transactional
    void seed(@Observes @Priority(1) StartupEvent event) {
        for (ZoneType type : ZoneType.values()) {
            Methodology plan = Methodology.plan2012(type);
            String id = Methodology.PLAN_2012 + "-" + type.name();
            methodologies.insert(id, 1, new Methodology(id, "1", type, plan.compositeAggregation(),
                    plan.regionGrouping(), plan.pillars()), SEEDED_BY);
        }
    }
}
