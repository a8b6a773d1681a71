package cn.etdz.common.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every service keeps, checked by a plain JUnit test in each service module.
 *
 * <p>Layers are recognised by what a class is, not by its package, so the rules hold for any feature package:
 * a resource is a class annotated with JAX-RS {@code @Path}; a repository is a Panache repository or a class named
 * {@code …Repository}; a service is a class named {@code …Service}. Each rule can fail: {@code ArchitectureRulesTest}
 * checks it against a deliberately bad set of fixture classes.
 *
 * <p>Plain JUnit rather than {@code @ArchTest} fields: Surefire 3.5.3 silently skips {@code @ArchTest} fields.
 */
public final class ArchitectureRules {

    private static final String JAX_RS_PATH = "jakarta.ws.rs.Path";
    private static final String PANACHE_REPOSITORY = "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase";
    private static final String PANACHE = "io.quarkus.hibernate.orm.panache.Panache";

    private static final DescribedPredicate<JavaClass> RESOURCE = DescribedPredicate.describe("resources (@Path)",
            type -> type.isAnnotatedWith(JAX_RS_PATH));

    private static final DescribedPredicate<JavaClass> REPOSITORY = DescribedPredicate.describe("repositories",
            type -> type.isAssignableTo(PANACHE_REPOSITORY) || type.getSimpleName().endsWith("Repository"));

    private static final DescribedPredicate<JavaClass> SERVICE = DescribedPredicate.describe("services",
            type -> type.getSimpleName().endsWith("Service"));

    /** The EntityManager, JPA queries and Panache's static entry point to them. */
    private static final DescribedPredicate<JavaClass> PERSISTENCE = DescribedPredicate.describe(
            "the EntityManager or JPA",
            type -> type.getPackageName().startsWith("jakarta.persistence") || type.isAssignableTo(PANACHE));

    private ArchitectureRules() {
    }

    /** The production classes of {@code basePackage} and below, without tests. */
    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** No two feature packages directly below {@code basePackage} depend on each other, directly or in a loop. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package that depends on another must not be needed by it in turn");
    }

    /** Resources speak HTTP and delegate: they never reach a repository, the EntityManager or JPA themselves. */
    public static ArchRule resourcesUseServicesOnly() {
        return noClasses().that(RESOURCE)
                .should().dependOnClassesThat(REPOSITORY.or(PERSISTENCE))
                .because("queries live in repositories, reached through a service, so a resource reads as its API");
    }

    /** Repositories are the bottom layer: they never call a service or a resource. */
    public static ArchRule repositoriesDoNotCallUp() {
        return noClasses().that(REPOSITORY)
                .should().dependOnClassesThat(SERVICE.or(RESOURCE))
                .because("persistence knows nothing of the layers that use it");
    }
}
