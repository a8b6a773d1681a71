package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import cn.etdz.evaluation.scoring.DerivedIndicators;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCardRendererTest {

    /** A derived indicator added to the engine without a name would show on report cards as a bare code. */
    @Test
    void everyDerivedIndicatorHasANameInEnglishAndInChinese() {
        assertThat(ReportCardRenderer.DERIVED_NAMES).containsOnlyKeys(DerivedIndicators.CODES);
        for (String code : DerivedIndicators.CODES) {
            String english = Message.of(ReportCardRenderer.DERIVED_NAMES.get(code)).in(Locale.ENGLISH);
            String chinese = Message.of(ReportCardRenderer.DERIVED_NAMES.get(code)).in(Languages.CHINESE);
            assertThat(english).as(code).isNotBlank().isNotEqualTo(chinese).doesNotContain(code);
            assertThat(chinese).as(code).matches(".*\\p{IsHan}.*");
        }
    }
}
