package cn.etdz.evaluation.scoring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring engine is plain Java: callable from the service, a what-if endpoint or a benchmark alike.
 *
 * <p>A plain Jupiter test rather than {@code @AnalyzeClasses}/{@code @ArchTest} fields: Surefire 3.5.3 (the
 * version the root pom manages) silently skips {@code @ArchTest} fields (TNG/ArchUnit#1442, apache/maven-surefire#839).
 */
class ScoringArchitectureTest {

    private static final JavaClasses SCORING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.etdz.evaluation.scoring");

    static final ArchRule DEPENDS_ONLY_ON_THE_JDK_AND_ITSELF = classes()
            .that().resideInAPackage("cn.etdz.evaluation.scoring..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.etdz.evaluation.scoring..")
            .because("the engine has no Quarkus, Jakarta, Hibernate, Kafka or Jackson: pure functions over plain data");

    @Test
    void dependsOnlyOnTheJdkAndItself() {
        assertThat(SCORING.contain(ScoringEngine.class)).isTrue();
        assertThat(SCORING.contain(NormalisersTest.class)).isFalse();
        DEPENDS_ONLY_ON_THE_JDK_AND_ITSELF.check(SCORING);
    }
}
