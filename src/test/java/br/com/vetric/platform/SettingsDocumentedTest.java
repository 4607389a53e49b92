package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every setting VETRIC reads is a component of a module's settings record, and the README's settings table names each
 * one, and each documented environment variable with the setting it sets. A setting added without a README row, or
 * an environment variable the table promises but nothing maps, fails here.
 */
class SettingsDocumentedTest {

    static final String README = readme();

    static String readme() {
        try {
            return Files.readString(Path.of("README.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everySettingOfEverySettingsRecordIsInTheReadme() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String setting : settings()) {
            if (!README.contains("`" + setting + "`")) {
                missing.add(setting);
            }
        }
        assertThat(missing).as("settings the README's table does not name").isEmpty();
    }

    @Test
    void everyDocumentedEnvironmentVariableSetsTheSettingItsRowNames() {
        List<String> wrong = new ArrayList<>();
        EnvironmentAliases.ALIASES.forEach((variable, setting) -> {
            if (!README.contains("| `" + variable + "` | `" + setting + "` |")) {
                wrong.add(variable + " -> " + setting);
            }
        });
        assertThat(wrong)
                .as("environment variables whose README row is missing or names another setting")
                .isEmpty();
        TreeSet<String> inReadme = new TreeSet<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\| `(VETRIC_[A-Z_]+)` \\|").matcher(README);
        while (m.find()) {
            inReadme.add(m.group(1));
        }
        assertThat(EnvironmentAliases.ALIASES.keySet())
                .as("variables the README documents")
                .containsAll(inReadme);
    }

    /** "vetric.sync.poll-interval", … for every component of every @ConfigurationProperties record. */
    static List<String> settings() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> result = new ArrayList<>();
        for (BeanDefinition bd : scanner.findCandidateComponents("br.com.vetric")) {
            Class<?> type = Class.forName(bd.getBeanClassName());
            if (!type.isRecord()) {
                continue;
            }
            add(type.getAnnotation(ConfigurationProperties.class).value(), type, result);
        }
        assertThat(result).hasSizeGreaterThan(50);
        return result;
    }

    private static void add(String prefix, Class<?> record, List<String> into) {
        for (RecordComponent c : record.getRecordComponents()) {
            String name =
                    prefix + "." + c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            if (c.getType().isRecord()) {
                add(name, c.getType(), into);
            } else {
                into.add(name);
            }
        }
    }
}
