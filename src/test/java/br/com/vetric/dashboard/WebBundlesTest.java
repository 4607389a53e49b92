package br.com.vetric.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The web app's bundles: pt-BR and English carry the same keys, none empty, and every key a page names exists. */
class WebBundlesTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WebBundlesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "messages"})
    void portugueseAndEnglishBundlesHaveTheSameKeysAndNoEmptyText(String bundle) throws IOException {
        Properties pt = load(bundle + ".properties");
        Properties en = load(bundle + "_en.properties");
        assertThat(new TreeSet<>(en.stringPropertyNames()))
                .as("keys of %s_en", bundle)
                .containsExactlyElementsOf(new TreeSet<>(pt.stringPropertyNames()));
        assertThat(pt.stringPropertyNames()).allSatisfy(k -> {
            assertThat(pt.getProperty(k)).as("pt %s", k).isNotBlank();
            assertThat(en.getProperty(k)).as("en %s", k).isNotBlank();
        });
    }

    @Test
    void everyMessageKeyAWebPageNamesExistsInTheBundles() throws IOException {
        Set<String> known = new TreeSet<>(load("web.properties").stringPropertyNames());
        known.addAll(load("messages.properties").stringPropertyNames());
        Set<String> used = new TreeSet<>();
        Path templates = Path.of("src/main/resources/templates");
        for (String dir : new String[] {"dashboard", "identity", "residents", "error", "condominium"}) {
            try (Stream<Path> files = Files.walk(templates.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                    collect(Files.readString(f), used);
                }
            }
        }
        collect(Files.readString(templates.resolve("layout.html")), used);
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static void collect(String html, Set<String> into) {
        Matcher m = TEMPLATE_KEY.matcher(html);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
