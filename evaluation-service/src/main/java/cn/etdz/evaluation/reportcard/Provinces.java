package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Languages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The provinces' names by GB/T 2260 code (reference data, {@code reportcard/provinces.csv}), in either language. */
final class Provinces {

    /** code → { Chinese name, English name } */
    private static final Map<String, String[]> NAMES = load();

    private Provinces() {
    }

    /** The province's name in the language; its code when it is not a province of the list. */
    static String name(String code, Locale locale) {
        String[] names = NAMES.get(code);
        if (names == null) {
            return code;
        }
        return Languages.CHINESE.equals(Languages.supported(locale)) ? names[0] : names[1];
    }

    private static Map<String, String[]> load() {
        InputStream in = Provinces.class.getResourceAsStream("/reportcard/provinces.csv");
        if (in == null) {
            throw new IllegalStateException("reportcard/provinces.csv is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String[]> names = new HashMap<>();
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("code,")).forEach(line -> {
                String[] cells = line.split(",", 3);
                names.put(cells[0], new String[] {cells[1], cells[2]});
            });
            return Map.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
