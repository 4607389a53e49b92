package br.com.vetric.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The notification pages' bundles: whatever locale a browser ends up with, no key is missing. */
class NotificationMessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = NotificationMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void thePortugueseAndEnglishBundlesHaveTheSameKeysAndNoEmptyText() throws Exception {
        Properties pt = load("notifications.properties");
        Properties en = load("notifications_en.properties");
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(pt.stringPropertyNames());
        assertThat(pt.stringPropertyNames()).allSatisfy(k -> {
            assertThat(pt.getProperty(k)).as("pt " + k).isNotBlank();
            assertThat(en.getProperty(k)).as("en " + k).isNotBlank();
        });
    }
}
