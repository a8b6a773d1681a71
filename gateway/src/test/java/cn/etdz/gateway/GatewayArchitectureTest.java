package cn.etdz.gateway;

import cn.etdz.common.architecture.ArchitectureRules;
import cn.etdz.gateway.config.GatewayConfig;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's packages form no cycle, its request-handling steps stand below the pipeline that orders them, and
 * configuration stands below everything.
 * The gateway keeps no data, so the layering of resources over repositories does not apply. Why the cycle rule can
 * fail, with a bad fixture: {@code ArchitectureRulesTest} in platform-common.
 */
class GatewayArchitectureTest {

    private static final String GATEWAY = "cn.etdz.gateway";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(GATEWAY);

    /**
     * Each step of the request handling (request id, route, authentication, limits, proxy) knows the request and the
     * route, never the pipeline that orders the steps; it fails when, say, a limit reaches back into the wiring.
     */
    static final ArchRule STEPS_DO_NOT_KNOW_THE_PIPELINE = noClasses()
            .that().resideOutsideOfPackage(GATEWAY + ".pipeline..")
            .should().dependOnClassesThat().resideInAPackage(GATEWAY + ".pipeline..")
            .because("each step can then be read and tested alone, and the order of the steps lives in one place");

    /** Configuration is read by everything and reads nothing of the gateway's own. */
    static final ArchRule CONFIGURATION_STANDS_ALONE = noClasses()
            .that().resideInAPackage(GATEWAY + ".config..")
            .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".auth..", GATEWAY + ".limits..",
                    GATEWAY + ".routing..", GATEWAY + ".proxy..", GATEWAY + ".request..", GATEWAY + ".pipeline..",
                    GATEWAY + ".openapi..", GATEWAY + ".health..", GATEWAY + ".console..")
            .because("configuration is the bottom layer");

    @Test
    void importsTheProductionClassesOnly() {
        assertThat(CLASSES.contain(GatewayConfig.class)).isTrue();
        assertThat(CLASSES.contain(GatewayArchitectureTest.class)).isFalse();
    }

    @Test
    void featurePackagesFormNoCycle() {
        ArchitectureRules.noPackageCycles(GATEWAY).check(CLASSES);
    }

    @Test
    void stepsDoNotKnowThePipeline() {
        STEPS_DO_NOT_KNOW_THE_PIPELINE.check(CLASSES);
    }

    @Test
    void configurationStandsAlone() {
        CONFIGURATION_STANDS_ALONE.check(CLASSES);
    }
}
