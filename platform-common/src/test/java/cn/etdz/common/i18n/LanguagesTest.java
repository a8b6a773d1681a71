package cn.etdz.common.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "ZH-cn", "zh-CN,zh;q=0.9,en;q=0.8",
        "en;q=0.5, zh-CN;q=0.9", "fr, zh;q=0.1", "de-DE,zh-Hans;q=0.7"})
    void chineseWhenAZhTagIsPreferredOverEnglish(String header) {
        assertThat(Languages.of(header)).isEqualTo(Languages.CHINESE);
        assertThat(Languages.tag(Languages.of(header))).isEqualTo("zh-CN");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"en", "en-US", "en-GB,en;q=0.9", "zh-CN;q=0.2, en", "fr", "de-DE", "*", "zh;q=0",
        "not a header;;", "zh-CN;q=abc"})
    void englishByDefaultForEnglishOrAnUnsupportedOrMalformedHeader(String header) {
        assertThat(Languages.of(header)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.tag(Languages.of(header))).isEqualTo("en");
    }

    @ParameterizedTest
    @CsvSource({"zh_CN, zh-CN", "zh_TW, zh-CN", "en_US, en", "fr_FR, en"})
    void anyLocaleMapsToASupportedLanguage(String locale, String tag) {
        String[] parts = locale.split("_");
        assertThat(Languages.tag(new Locale(parts[0], parts[1]))).isEqualTo(tag);
    }
}
