package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Which font file the cards use, and the 503 problem that names the setting when there is none. */
class ReportCardFontTest {

    private static final Path WQY = ReportCardFont.DEBIAN_FONTS.get(0);

    @Test
    void aMissingConfiguredFileIsA503ThatNamesTheSettingAndThePath() {
        Path missing = Path.of("/nonexistent/fonts/card.ttc");
        ReportCardFont font = new ReportCardFont(Optional.of(missing), ReportCardFont.DEBIAN_FONTS);
        assertThatThrownBy(font::file).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.problem().status()).isEqualTo(503);
            assertThat(problem.problem().detail().in(Languages.ENGLISH))
                    .contains(ReportCardFont.SETTING, missing.toString());
        });
    }

    @Test
    void aFileThatIsNoFontIsNotUsedAndNoCandidateAtAllTellsHowToGetOne(@TempDir Path directory) throws IOException {
        Path notAFont = Files.writeString(directory.resolve("font.ttf"), "not a font");
        ReportCardFont font = new ReportCardFont(Optional.empty(), List.of(notAFont, directory.resolve("absent.ttc")));
        assertThatThrownBy(font::file).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.problem().status()).isEqualTo(503);
            assertThat(problem.problem().detail().in(Languages.ENGLISH)).contains(ReportCardFont.SETTING, "fonts-wqy-microhei");
            assertThat(problem.problem().detail().in(Languages.CHINESE)).contains(ReportCardFont.SETTING);
        });
    }

    @Test
    void theFirstEmbeddableCandidateIsUsedAndAFontCollectionIsRead(@TempDir Path directory) throws IOException {
        assumeThat(Files.isReadable(WQY)).as("fonts-wqy-microhei is installed (.ci/run installs it)").isTrue();
        Path notAFont = Files.writeString(directory.resolve("broken.ttc"), "not a font");
        ReportCardFont font = new ReportCardFont(Optional.empty(), List.of(directory.resolve("absent.ttf"), notAFont, WQY));
        assertThat(font.file()).isEqualTo(WQY);
    }
}
