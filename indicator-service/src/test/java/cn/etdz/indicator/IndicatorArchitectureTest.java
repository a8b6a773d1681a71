package cn.etdz.indicator;

import cn.etdz.common.architecture.ArchitectureRules;
import cn.etdz.indicator.submission.SubmissionResource;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator service's packages form no cycle, and its resources, services and repositories stay in their layers.
 * Why each rule can fail, and a bad fixture that makes it fail: {@code ArchitectureRulesTest} in platform-common.
 */
class IndicatorArchitectureTest {

    private static final JavaClasses SERVICE = ArchitectureRules.productionClasses("cn.etdz.indicator");

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(SERVICE.contain(SubmissionResource.class)).isTrue();
        assertThat(SERVICE.contain(IndicatorArchitectureTest.class)).isFalse();
    }

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles("cn.etdz.indicator").check(SERVICE);
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
