package br.com.vetric.residents.internal;

import br.com.vetric.residents.ImportResult;
import br.com.vetric.residents.Resident;
import br.com.vetric.shared.Phones;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The audit log's "what", in pt-BR, short: "telefone alterado para (••) •••••-4321; tag 04A1B2 adicionada". A phone
 * number is never written whole: only its last four digits.
 */
public final class AuditText {

    private AuditText() {}

    public static String created(Resident r) {
        List<String> parts = new ArrayList<>();
        parts.add("cadastrado na unidade " + r.unit());
        if (r.phone() != null) {
            parts.add("telefone " + maskedPhone(r.phone()));
        }
        if (!r.tags().isEmpty()) {
            parts.add(tags(r.tags()));
        }
        parts.add(r.notificationsEnabled() ? "avisos ligados" : "avisos desligados");
        return String.join("; ", parts);
    }

    /** What changed between two versions of a resident; empty when nothing did. */
    public static Optional<String> updated(Resident before, Resident after) {
        List<String> parts = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            parts.add("nome: " + before.name() + " → " + after.name());
        }
        if (!before.unit().equals(after.unit())) {
            parts.add("unidade: " + before.unit() + " → " + after.unit());
        }
        if (!Objects.equals(before.phone(), after.phone())) {
            parts.add(
                    after.phone() == null
                            ? "telefone removido"
                            : before.phone() == null
                                    ? "telefone " + maskedPhone(after.phone()) + " incluído"
                                    : "telefone alterado para " + maskedPhone(after.phone()));
        }
        Set<String> added = new LinkedHashSet<>(after.tags());
        added.removeAll(before.tags());
        Set<String> removed = new LinkedHashSet<>(before.tags());
        removed.removeAll(after.tags());
        if (!added.isEmpty()) {
            parts.add(tags(added) + (added.size() == 1 ? " adicionada" : " adicionadas"));
        }
        if (!removed.isEmpty()) {
            parts.add(tags(removed) + (removed.size() == 1 ? " removida" : " removidas"));
        }
        if (before.notificationsEnabled() != after.notificationsEnabled()) {
            parts.add(after.notificationsEnabled() ? "avisos ligados" : "avisos desligados");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    public static String deactivated(Resident before) {
        return before.tags().isEmpty()
                ? "desativado"
                : "desativado; " + tags(before.tags()) + (before.tags().size() == 1 ? " liberada" : " liberadas");
    }

    public static String tagAssigned(String tag) {
        return "tag " + tag + " atribuída";
    }

    public static String imported(String fileName, ImportResult result, int rejectedLines) {
        String text = "importação de " + fileName + ": " + result.created() + " cadastrado(s), " + result.updated()
                + " atualizado(s), " + result.unchanged() + " sem mudança";
        return rejectedLines == 0 ? text : text + "; " + rejectedLines + " linha(s) com erro não importada(s)";
    }

    public static String fromImport(String fileName, String what) {
        return "pela importação de " + fileName + ": " + what;
    }

    public static String permission(boolean editable) {
        return editable
                ? "o síndico pode cadastrar, editar e importar moradores"
                : "o síndico não pode mais cadastrar, editar nem importar moradores";
    }

    /** "(••) •••••-4321": every digit but the last four hidden. */
    static String maskedPhone(String e164) {
        String shown = Phones.display(e164);
        long digits = shown.chars().filter(Character::isDigit).count();
        StringBuilder out = new StringBuilder();
        long seen = 0;
        for (char c : shown.toCharArray()) {
            if (Character.isDigit(c)) {
                out.append(++seen > digits - 4 ? c : '•');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String tags(Collection<String> tags) {
        return (tags.size() == 1 ? "tag " : "tags ") + String.join(", ", tags);
    }
}
