package br.com.vetric.platform;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.vetric.dashboard.internal.Board;
import br.com.vetric.sessions.SessionStatus;
import br.com.vetric.sessions.UnidentifiedReason;
import br.com.vetric.shared.ConnectorStatus;
import br.com.vetric.shared.EndReason;
import br.com.vetric.support.OcppCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue #10: one vocabulary in the shared bundle. Every code VETRIC stores or a charger reports has words, in both
 * languages; the board and the sessions use the same word for the same state; a code no bundle knows still reads as
 * words.
 */
class VocabularyTest {

    static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = VocabularyTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Words words() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new Words(source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_en"})
    void everyCodeHasWordsInTheSharedBundle(String name) throws IOException {
        Properties p = bundle(name);
        for (ConnectorStatus s : ConnectorStatus.values()) {
            assertThat(p).containsKey("status." + s.name());
        }
        for (String f : OcppCodes.FAULTS) {
            assertThat(p).containsKey("fault." + f);
        }
        assertThat(p).containsKeys("fault.other", "status.offline", "energy.pending", "sharedTag", "state.NO_DATA");
        for (EndReason r : EndReason.values()) {
            assertThat(p).containsKey("endReason." + r.name());
        }
        for (UnidentifiedReason r : UnidentifiedReason.values()) {
            assertThat(p).containsKey("unidentified." + r.name());
        }
        for (SessionStatus s : SessionStatus.values()) {
            assertThat(p).containsKey("session.status." + s.name());
        }
        for (Board.State s : Board.State.values()) {
            assertThat(p).containsKeys(s.key(), s.manyKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "messages_en"})
    void theBoardAndTheSessionsUseTheSameWordForTheSameState(String name) throws IOException {
        Properties p = bundle(name);
        assertThat(p.getProperty("session.status.STARTED")).isEqualTo(p.getProperty("state.WAITING"));
        assertThat(p.getProperty("session.status.CHARGING")).isEqualTo(p.getProperty("state.CHARGING"));
        assertThat(p.getProperty("session.status.SUSPENDED")).isEqualTo(p.getProperty("state.IDLE"));
        assertThat(p.getProperty("session.status.ERROR")).isEqualTo(p.getProperty("state.FAULTED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"web", "web_en"})
    void theSharedWordsLiveOnlyInTheSharedBundle(String name) throws IOException {
        assertThat(bundle(name).stringPropertyNames())
                .noneMatch(k -> k.startsWith("endReason.")
                        || k.startsWith("unidentified.")
                        || k.startsWith("session.status.")
                        || k.startsWith("fault.")
                        || k.startsWith("status.")
                        || k.startsWith("board.state."));
    }

    @Test
    void wordsForCodesKnownAndUnknown() {
        Words words = words();
        Locale pt = Locale.forLanguageTag("pt-BR");
        assertThat(words.fault("GroundFailure", pt)).isEqualTo("falha de aterramento");
        assertThat(words.fault(" GroundFailure ", pt)).isEqualTo("falha de aterramento");
        assertThat(words.fault("Acme-E42", pt)).isEqualTo("falha informada pelo carregador (Acme-E42)");
        assertThat(words.fault(null, pt)).isEmpty();
        assertThat(words.fault("GroundFailure", Locale.ENGLISH)).isEqualTo("ground fault");
        assertThat(words.status(ConnectorStatus.FINISHING, pt)).isEqualTo("recarga encerrada, carro ainda conectado");
        assertThat(words.endReason(EndReason.EV_DISCONNECTED, pt)).isEqualTo("carro desconectado");
        assertThat(words.unidentified(UnidentifiedReason.TAG_NOT_REGISTERED, "AB12", pt))
                .isEqualTo("tag RFID AB12 não cadastrada para nenhum morador");
        assertThat(words.unidentified(UnidentifiedReason.TRANSACTION_PENDING, null, Locale.ENGLISH))
                .isEqualTo("waiting for the charger system to report the charge");
        assertThat(words.sessionStatus(SessionStatus.SUSPENDED, pt)).isEqualTo("Ocioso");
        assertThat(words.energyPending(pt)).isEqualTo("energia informada ao final");
    }
}
