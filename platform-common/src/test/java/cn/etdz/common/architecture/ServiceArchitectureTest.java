package cn.etdz.common.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a service that keeps data: its feature packages form no cycle, and its resources, services and
 * repositories stay in their layers. A service's test extends this with its base package and one of its resources.
 * Why each rule can fail, and a bad fixture that makes it fail: {@link ArchitectureRulesTest}.
 *
 * <p>One instance for all its tests: importing a service's classes takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    private final String basePackage;
    private final Class<?> aResource;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage, Class<?> aResource) {
        this.basePackage = basePackage;
        this.aResource = aResource;
        this.classes = ArchitectureRules.productionClasses(basePackage);
    }

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(classes.contain(aResource)).as("a resource of " + basePackage).isTrue();
        assertThat(classes.contain(getClass())).as("this test").isFalse();
    }

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles(basePackage).check(classes);
    }

    @Test
    void resourcesUseServicesOnly() {
        ArchitectureRules.resourcesUseServicesOnly().check(classes);
    }

    @Test
    void repositoriesDoNotCallUp() {
        ArchitectureRules.repositoriesDoNotCallUp().check(classes);
    }
}
