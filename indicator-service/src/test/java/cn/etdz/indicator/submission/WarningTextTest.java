package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.BundleCheck;
import cn.etdz.common.i18n.Languages;
import cn.etdz.common.problem.Violation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WarningTextTest {

    @Test
    void everyKeyOfTheIndicatorBundleIsInBothLanguagesAndUsed() {
        BundleCheck.verify("indicator", Path.of("src/main/java"));
    }

    @Test
    void aStoredWarningIsReadInTheReadersLanguageAndOneStoredWithoutKeyAsItWasStored() {
        SubmissionEntity submission = new SubmissionEntity();
        submission.status = SubmissionStatus.ACCEPTED;
        submission.warnings.add(warning("large-change", "GDP changed by +60 % against 2014 (100 → 160).",
                "indicator.warning.large-change", "GDP", "+60", "2014", "100", "160"));
        submission.warnings.add(warning("outlier", "GDP = 9 is far from its peer group (robust z-score 4.1, median 3).",
                null));

        var english = SubmissionMapper.view(submission).in(Languages.ENGLISH);
        var chinese = SubmissionMapper.view(submission).in(Languages.CHINESE);

        assertThat(english.warnings()).extracting(Violation::message).containsExactly(
                "GDP changed by +60 % against 2014 (100 → 160).",
                "GDP = 9 is far from its peer group (robust z-score 4.1, median 3).");
        assertThat(chinese.warnings()).extracting(Violation::message).containsExactly(
                "指标 GDP 较 2014 年变动 +60%（100 → 160）。",
                "GDP = 9 is far from its peer group (robust z-score 4.1, median 3).");
        assertThat(chinese.warnings()).extracting(Violation::code).containsExactly("large-change", "outlier");
    }

    private static SubmissionWarningEntity warning(String code, String message, String key, String... args) {
        SubmissionWarningEntity warning = new SubmissionWarningEntity();
        warning.field = "values[0].value";
        warning.code = code;
        warning.message = message;
        warning.messageKey = key;
        warning.messageArgs = key == null ? null : args;
        return warning;
    }
}
