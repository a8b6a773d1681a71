package cn.etdz.evaluation;

import cn.etdz.common.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class EvaluationBundleTest {

    @Test
    void everyKeyOfTheEvaluationBundleIsInBothLanguagesAndUsed() {
        BundleCheck.verify("evaluation", Path.of("src/main/java"));
    }
}
