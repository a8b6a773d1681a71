package cn.etdz.gateway;

import cn.etdz.common.architecture.ArchitectureRules;
import cn.etdz.gateway.config.GatewayConfig;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's packages form no cycle, and its building blocks stand below the request handling that uses them.
 * The gateway keeps no data, so the layering of resources over repositories does not apply. Why the cycle rule can
 * fail, with a bad fixture: {@code ArchitectureRulesTest} in platform-common.
 */
class GatewayArchitectureTest {

    private static final String GATEWAY = "cn.etdz.gateway";
    private static final JavaClasses CLASSES = ArchitectureRules.productionClasses(GATEWAY);

    /**
     * Configuration, token checks and limits are used by the request handling (routing) and the OpenAPI merge, never
     * the other way round; it fails when, say, a limit reads a route. Empty packages are allowed, so the rule holds
     * while these parts move.
     */
    static final ArchRule BUILDING_BLOCKS_DO_NOT_USE_REQUEST_HANDLING = noClasses()
            .that().resideInAnyPackage(GATEWAY + ".config..", GATEWAY + ".auth..", GATEWAY + ".limits..")
            .should().dependOnClassesThat().resideInAnyPackage(GATEWAY + ".routing..", GATEWAY + ".openapi..",
                    GATEWAY + ".health..")
            .allowEmptyShould(true)
            .because("configuration, token checks and limits can be read and tested without the proxy");

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
    void buildingBlocksDoNotUseRequestHandling() {
        BUILDING_BLOCKS_DO_NOT_USE_REQUEST_HANDLING.check(CLASSES);
    }
}
