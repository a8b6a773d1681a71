package cn.etdz.common.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks one module's message bundle against its code (shipped to the services in the test-jar): English and Chinese
 * hold the same keys with the same arguments, every pattern is a valid {@link MessageFormat}, every key the code
 * names exists, and every key of the bundle is named in the code.
 */
public final class BundleCheck {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    private BundleCheck() {
    }

    /** Verifies bundle {@code i18n/<name>} against the Java sources under {@code sources}. */
    public static void verify(String name, Path sources) {
        Properties english = load("i18n/" + name + ".properties");
        Properties chinese = load("i18n/" + name + "_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).as("keys of the Chinese bundle %s", name)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(key).as("bundle of key %s", key).startsWith(name + ".");
            assertThat(arguments(chinese.getProperty(key))).as("arguments of %s in Chinese", key)
                    .isEqualTo(arguments(english.getProperty(key)));
        }
        Set<String> named = keysNamedIn(name, sources);
        // a literal of two or more parts after the bundle's name is a key; one part may be a name of another kind
        // (the gateway's "gateway.caller" routing-context entry), so only the longer ones must exist
        assertThat(english.stringPropertyNames()).as("keys the code of %s names", name)
                .containsAll(named.stream().filter(key -> key.chars().filter(c -> c == '.').count() >= 2).toList());
        assertThat(named).as("keys of bundle %s the code uses", name).containsAll(english.stringPropertyNames());
    }

    static Properties load(String resource) {
        try (InputStream in = BundleCheck.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument numbers a pattern uses; it must be a valid pattern. */
    static Set<Integer> arguments(String pattern) {
        new MessageFormat(pattern);
        Matcher matcher = ARGUMENT.matcher(pattern);
        Set<Integer> numbers = new TreeSet<>();
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
        }
        return numbers;
    }

    /**
     * Every string literal in the sources that looks like a key of this bundle, except metric names, which share the
     * dotted form ({@code Timer.builder("evaluation.recompute.duration")}).
     */
    static Set<String> keysNamedIn(String name, Path sources) {
        Pattern literal = Pattern.compile("(?<!builder\\()(?<!counter\\()(?<!timer\\()(?<!gauge\\()\"("
                + Pattern.quote(name) + "\\.[a-z0-9.-]+)\"");
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .flatMap(file -> {
                        try {
                            return literal.matcher(Files.readString(file)).results().map(match -> match.group(1));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
