package cn.etdz.common.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each shared rule passes on a well-layered fixture and fails, naming the offence, on a badly layered one. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "cn.etdz.common.architecture.fixture";
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages(FIXTURE + ".good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages(FIXTURE + ".bad");

    @Test
    void aLoopBetweenTwoPackagesIsACycle() {
        assertPasses(ArchitectureRules.noPackageCycles(FIXTURE + ".good"), GOOD);
        assertThat(failures(ArchitectureRules.noPackageCycles(FIXTURE + ".bad"), BAD))
                .contains("Cycle detected").contains("LoopingResource").contains("LoopingRepository");
    }

    @Test
    void aResourceReadingARepositoryBreaksTheLayers() {
        assertPasses(ArchitectureRules.resourcesUseServicesOnly(), GOOD);
        assertThat(failures(ArchitectureRules.resourcesUseServicesOnly(), BAD))
                .contains("LoopingResource").contains("LoopingRepository");
    }

    @Test
    void aRepositoryCallingAServiceOrAResourceBreaksTheLayers() {
        assertPasses(ArchitectureRules.repositoriesDoNotCallUp(), GOOD);
        String failures = failures(ArchitectureRules.repositoriesDoNotCallUp(), BAD);
        assertThat(failures).contains("LoopingService").contains("LoopingResource");
    }

    private static void assertPasses(ArchRule rule, JavaClasses classes) {
        assertThat(GOOD.size()).isEqualTo(4);
        assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isFalse();
    }

    private static String failures(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }
}
