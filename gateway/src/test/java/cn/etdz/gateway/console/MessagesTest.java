package cn.etdz.gateway.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's two message files hold the same keys, so no label is missing in one language (the console would show
 * the bare key), and every unit of the indicator catalogue and the plan's targets has its words in both.
 */
class MessagesTest {

    private static Map<String, String> messages(String language) throws IOException {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/META-INF/resources/messages/" + language + ".json")) {
            return new ObjectMapper().readValue(in, new TypeReference<>() { });
        }
    }

    @Test
    void chineseAndEnglishHoldTheSameKeys() throws IOException {
        assertThat(messages("en").keySet()).containsExactlyInAnyOrderElementsOf(messages("zh-CN").keySet());
    }

    /** The units of the catalogue's rows: the fourth value of each row the indicator service's migration inserts. */
    private static Set<String> catalogueUnits() throws IOException {
        String sql = Files.readString(Path.of("../indicator-service/src/main/resources/db/migration/V2__indicator_catalogue.sql"));
        Matcher row = Pattern.compile("(?m)^\\s*\\('[A-Z0-9_]+',\\s*'[^']*',\\s*'[^']*',\\s*'([^']*)'").matcher(sql);
        Set<String> units = new TreeSet<>();
        while (row.find()) {
            units.add(row.group(1));
        }
        return units;
    }

    @Test
    void everyCatalogueAndTargetUnitReadsInBothLanguages() throws IOException {
        Map<String, String> chinese = messages("zh-CN");
        Map<String, String> english = messages("en");
        Set<String> units = catalogueUnits();
        assertThat(units).contains("亿元", "days", "count");
        // the plan's targets (the evaluation service's TargetCalculator) add ratios of catalogue units
        units.addAll(Set.of("万元/人", "亿元/km²", "吨标准煤/万元"));
        for (String unit : units) {
            assertThat(chinese.get("unit." + unit)).as(unit).isNotNull().doesNotContainPattern("[A-Za-z]");
            assertThat(english.get("unit." + unit)).as(unit).isNotNull().doesNotContainPattern("\\p{IsHan}");
        }
    }
}
