package cn.etdz.common.i18n;

import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class MessageTest {

    @Test
    void everyKeyOfTheCommonBundleIsInBothLanguagesAndUsed() {
        BundleCheck.verify("common", Path.of("src/main/java"));
    }

    @Test
    void resolvesArgumentsInEitherLanguageWithoutReformattingNumbers() {
        Message message = Message.of("common.size", 10000);
        assertThat(message.in(Languages.ENGLISH)).isEqualTo("The page size is between 1 and 10000.");
        assertThat(message.in(Languages.CHINESE)).isEqualTo("每页条数须在 1 到 10000 之间。");
    }

    @Test
    void anyOtherLanguageIsAnsweredInEnglishWhateverTheMachinesDefault() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Message.of("common.page").in(Locale.FRENCH)).isEqualTo("Pages are numbered from 0.");
            assertThat(Message.of("common.page").in(Locale.ENGLISH)).isEqualTo("Pages are numbered from 0.");
            assertThat(Message.of("common.page").in(Locale.TRADITIONAL_CHINESE)).isEqualTo("页码从 0 开始。");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aKeyWithoutABundleIsAProgrammingError() {
        assertThatThrownBy(() -> Message.of("nobundle").in(Languages.ENGLISH)).isInstanceOf(MissingResourceException.class);
        assertThatThrownBy(() -> Message.of("common.no-such-key").in(Languages.ENGLISH))
                .isInstanceOf(MissingResourceException.class);
    }

    @Test
    void aProblemKeepsItsCodesAndPutsItsTextsIntoTheLanguageAskedFor() {
        ProblemException problem = ProblemException.badRequest(Message.of("common.query.detail"),
                List.of(new Violation("size", "out-of-range", Message.of("common.size", 1000)),
                        new Violation("file", "unreadable", "Unexpected end of input")));

        var english = problem.problem().in(Languages.ENGLISH);
        var chinese = problem.problem().in(Languages.CHINESE);

        assertThat(english.title()).isEqualTo("The request cannot be read");
        assertThat(english.detail()).isEqualTo("Invalid query parameters.");
        assertThat(english.violations()).extracting(Violation::message)
                .containsExactly("The page size is between 1 and 1000.", "Unexpected end of input");
        assertThat(chinese.type()).isEqualTo(english.type());
        assertThat(chinese.title()).isEqualTo("无法读取请求");
        assertThat(chinese.detail()).isEqualTo("查询参数无效。");
        assertThat(chinese.violations()).extracting(Violation::field, Violation::code, Violation::message)
                .containsExactly(tuple("size", "out-of-range", "每页条数须在 1 到 1000 之间。"),
                        tuple("file", "unreadable", "Unexpected end of input"));
    }
}
