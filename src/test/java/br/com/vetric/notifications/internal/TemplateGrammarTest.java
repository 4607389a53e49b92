package br.com.vetric.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.notifications.NotificationKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default texts read right whatever the charger is called: a feminine name ("Garagem 5", "Vaga 3"), a masculine
 * one ("Box 12", "Poste Norte") or one that already says "Carregador".
 */
class TemplateGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {"Garagem 5", "Vaga 3", "Box 12", "Poste Norte", "Carregador 2"})
    void everyDefaultTextNamesTheChargerWithoutAWrongArticle(String charger) {
        Map<String, String> values = new HashMap<>(Placeholders.sample("Residencial Jardins"));
        values.put("carregador", charger);
        for (NotificationKind kind : NotificationKind.values()) {
            String text = Placeholders.render(kind.defaultText(), values);
            if (!kind.defaultText().contains("{{carregador}}")) {
                continue;
            }
            assertThat(text).as(kind + " with " + charger).contains(charger).doesNotContain("—");
            if (charger.startsWith("Carregador")) {
                assertThat(text).as(kind.name()).doesNotContainIgnoringCase("carregador carregador");
                continue;
            }
            assertThat(text)
                    .as(kind + " with " + charger)
                    .doesNotContainIgnoringCase("no " + charger)
                    .doesNotContainIgnoringCase("do " + charger)
                    .doesNotContainIgnoringCase(" o " + charger);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Carregador 2", "CARREGADOR 2", "carregador 2"})
    void aChargerCalledCarregadorIsNotCalledSoTwice(String charger) {
        String text = Placeholders.render(
                "O carregamento no carregador {{carregador}} começou.", Map.of("carregador", charger));
        assertThat(text).isEqualTo("O carregamento no " + charger + " começou.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Garagem 5", "Box 12"})
    void otherNamesKeepTheWordCarregador(String charger) {
        String text = Placeholders.render(
                "O carregamento no carregador {{carregador}} começou.", Map.of("carregador", charger));
        assertThat(text).isEqualTo("O carregamento no carregador " + charger + " começou.");
    }
}
