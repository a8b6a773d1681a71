package cn.etdz.evaluation;

import cn.etdz.common.architecture.ArchitectureRules;
import cn.etdz.evaluation.scores.ScoreResource;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation service's packages form no cycle, and its resources, services and repositories stay in their
 * layers; the scoring engine's own rule is {@code scoring.ScoringArchitectureTest}. Why each rule can fail, and a bad
 * fixture that makes it fail: {@code ArchitectureRulesTest} in platform-common.
 */
class EvaluationArchitectureTest {

    private static final JavaClasses SERVICE = ArchitectureRules.productionClasses("cn.etdz.evaluation");

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(SERVICE.contain(ScoreResource.class)).isTrue();
        assertThat(SERVICE.contain(EvaluationArchitectureTest.class)).isFalse();
    }

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles("cn.etdz.evaluation").check(SERVICE);
    }

    @Test
    void resourcesUseServicesOnly() {
        ArchitectureRules.resourcesUseServicesOnly().check(SERVICE);
    }

    @Test
    void repositoriesDoNotCallUp() {
        ArchitectureRules.repositoriesDoNotCallUp().check(SERVICE);
    }
}
