package br.com.vetric.notifications.internal;

import br.com.vetric.notifications.NotificationKind;
import br.com.vetric.platform.PtBr;
import br.com.vetric.shared.Energy;
import br.com.vetric.shared.Zones;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {{name}}} placeholders: validation on save, rendering, and the ordered values for Meta templates. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private Placeholders() {}

    /** Placeholder names in the text that are not known, in order of appearance. */
    public static List<String> unknown(String text) {
        Set<String> result = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!NotificationKind.PLACEHOLDERS.contains(m.group(1))) {
                result.add(m.group(1));
            }
        }
        if (result.isEmpty()
                && (text.replaceAll(PLACEHOLDER.pattern(), "").contains("{{")
                        || text.replaceAll(PLACEHOLDER.pattern(), "").contains("}}"))) {
            result.add("{{ }} incompleto");
        }
        return List.copyOf(result);
    }

    /**
     * The text with every placeholder replaced (a missing value becomes "—"). "no carregador {{carregador}}" reads
     * right for any name; for a charger already called "Carregador 3" the word is not said twice ("no Carregador 3").
     */
    public static String render(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(values, m.group(1))));
        }
        m.appendTail(out);
        return WORD_TWICE.matcher(out).replaceAll("$1");
    }

    private static final Pattern WORD_TWICE =
            Pattern.compile("(?iu)\\bcarregador\\s+(carregador\\b)", Pattern.UNICODE_CASE);

    /** The values of the placeholders in order of appearance: the body parameters of a Meta template. */
    public static List<String> orderedValues(String text, Map<String, String> values) {
        List<String> result = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            result.add(value(values, m.group(1)));
        }
        return result;
    }

    private static String value(Map<String, String> values, String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? "—" : v;
    }

    /** "dd/MM/yyyy HH:mm" in São Paulo. */
    public static String date(Instant at) {
        return at == null ? null : PtBr.dateTime(at, Zones.SAO_PAULO);
    }

    /** "2 h 05 min", "12 min", "40 s". */
    public static String duration(Duration d) {
        return d == null || d.isNegative() ? null : PtBr.duration(d.toSeconds());
    }

    public static String energy(long wh) {
        return PtBr.kwh(wh);
    }

    /** Sample values for the live preview. */
    public static Map<String, String> sample(String location) {
        return Map.ofEntries(
                Map.entry("nome", "Maria Souza"),
                Map.entry("apartamento", "101 · Torre A"),
                Map.entry("carregador", "Garagem 1"),
                Map.entry("energia", Energy.formatKwh(20_820)),
                Map.entry("duracao", "2 h 05 min"),
                Map.entry("data", date(Instant.parse("2026-03-14T22:30:00Z"))),
                Map.entry("localizacao", location),
                Map.entry("tag", "04A1B2C3D4"),
                Map.entry("erro", "falha de aterramento"),
                Map.entry("mes", "outubro de 2026"),
                Map.entry("valor", "R$ 16,66"),
                Map.entry("codigo", "123456"),
                Map.entry(
                        "motivo",
                        "Apartamento 101 · Torre A: 182,40 kWh nos primeiros 14 dias do mês, bem acima do usual "
                                + "(61,20 kWh, a mediana dos mesmos dias em 4 meses anteriores)."));
    }
}
