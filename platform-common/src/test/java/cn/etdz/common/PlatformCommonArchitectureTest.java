package cn.etdz.common;

import cn.etdz.common.architecture.ArchitectureRules;
import cn.etdz.common.problem.Problem;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared packages form no cycle: each can be understood, and used, from below. */
class PlatformCommonArchitectureTest {

    private static final JavaClasses COMMON = ArchitectureRules.productionClasses("cn.etdz.common");

    @Test
    void packagesFormNoCycle() {
        assertThat(COMMON.contain(Problem.class)).isTrue();
        assertThat(COMMON.contain(PlatformCommonArchitectureTest.class)).isFalse();
        ArchitectureRules.noPackageCycles("cn.etdz.common").check(COMMON);
    }
}
