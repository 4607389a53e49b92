package br.com.vetric.residents.web;

import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.ResidentRef;
import br.com.vetric.residents.Unit;
import br.com.vetric.shared.Phones;
import br.com.vetric.shared.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a residents CSV (header line required; ";" or "," separated; decoded by {@link CsvText}): {@code nome;
 * apartamento; torre; telefone; tags; notificacoes}. Tags inside their cell are separated by "|" or spaces; the unit
 * is read by {@link Unit}'s rule. Every row is checked before anything is saved; each problem names the line and the
 * field. A row may repeat a tag its resident (same name and unit) already has: the import updates that resident.
 */
public final class ResidentCsvImport {

    static final int MAX_ROWS = 5000;

    /** The required columns as the header names them (for the error that says one is missing). */
    private static final Map<String, String> COLUMN_NAMES = Map.of("name", "nome", "apartment", "apartamento");

    public record RowError(int line, String field, String message, String value) {}

    public record ParsedRow(int line, ResidentCommand command) {}

    public record Result(List<ParsedRow> valid, List<RowError> errors, int rows) {

        public Set<Integer> badLines() {
            Set<Integer> s = new LinkedHashSet<>();
            errors.forEach(e -> s.add(e.line()));
            return s;
        }
    }

    private ResidentCsvImport() {}

    /**
     * @param tagOwner who already owns a (normalised) tag in the condominium
     */
    static Result parse(String content, Function<String, Optional<ResidentRef>> tagOwner) {
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String[] lines = content.split("\\r?\\n|\\r", -1);
        List<RowError> errors = new ArrayList<>();
        List<ParsedRow> valid = new ArrayList<>();
        if (lines.length == 0 || lines[0].isBlank()) {
            errors.add(new RowError(1, "file", "residents.import.error.empty", ""));
            return new Result(valid, errors, 0);
        }
        char sep = lines[0].indexOf(';') >= 0 ? ';' : ',';
        List<String> header = split(lines[0], sep).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(alias(header.get(i)), i);
        }
        for (String required : List.of("name", "apartment")) {
            if (!col.containsKey(required)) {
                errors.add(new RowError(1, required, "residents.import.error.header", COLUMN_NAMES.get(required)));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(valid, errors, 0);
        }
        Map<String, Integer> tagsInFile = new HashMap<>();
        int rows = 0;
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            rows++;
            int line = n + 1;
            if (rows > MAX_ROWS) {
                errors.add(new RowError(line, "file", "residents.import.error.tooMany", Integer.toString(MAX_ROWS)));
                break;
            }
            List<String> cells = split(lines[n], sep);
            int before = errors.size();
            String name = cell(cells, col.get("name"));
            String apartment = cell(cells, col.get("apartment"));
            String tower = cell(cells, col.get("tower"));
            String phone = cell(cells, col.get("phone"));
            String tagCell = cell(cells, col.get("tags"));
            String notify = cell(cells, col.get("notifications"));
            if (name.isBlank()) {
                errors.add(new RowError(line, "name", "residents.import.error.required", ""));
            } else if (name.length() > ResidentCommand.MAX_NAME) {
                errors.add(new RowError(line, "name", "residents.import.error.tooLong", name));
            }
            Unit unit = unit(line, apartment, tower, errors);
            if (!phone.isBlank()) {
                try {
                    Phones.toE164(phone);
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(line, "phone", "residents.import.error.phone", phone));
                }
            }
            List<String> tags = new ArrayList<>();
            for (String raw : tagCell.split("[|\\s]+")) {
                Optional<String> tag = Tags.normalize(raw);
                if (tag.isEmpty()) {
                    continue;
                }
                String t = tag.get();
                if (t.length() > ResidentCommand.MAX_TAG) {
                    errors.add(new RowError(line, "tags", "residents.import.error.tooLong", t));
                    continue;
                }
                Optional<ResidentRef> owner = tagOwner.apply(t).filter(o -> !isRowOf(o, name, unit));
                Integer other = tagsInFile.putIfAbsent(t, line);
                if (owner.isPresent()) {
                    errors.add(new RowError(
                            line,
                            "tags",
                            "residents.import.error.tagTaken",
                            t + " → " + owner.get().name() + " (" + owner.get().unit() + ")"));
                } else if (other != null && other != line) {
                    errors.add(
                            new RowError(line, "tags", "residents.import.error.tagRepeated", t + " (" + other + ")"));
                } else if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
            Boolean notifications = null;
            if (!notify.isBlank()) {
                String v = notify.strip().toLowerCase(Locale.ROOT);
                if (Set.of("sim", "s", "yes", "y", "true", "1").contains(v)) {
                    notifications = true;
                } else if (Set.of("não", "nao", "n", "no", "false", "0").contains(v)) {
                    notifications = false;
                } else {
                    errors.add(new RowError(line, "notifications", "residents.import.error.yesNo", notify));
                }
            }
            if (errors.size() == before && unit != null) {
                valid.add(new ParsedRow(
                        line,
                        new ResidentCommand(
                                name.strip(),
                                unit.number(),
                                unit.tower(),
                                phone.isBlank() ? null : phone.strip(),
                                tags,
                                notifications)));
            }
        }
        return new Result(valid, errors, rows);
    }

    /** The row's unit, or null with its error added. */
    private static Unit unit(int line, String apartment, String tower, List<RowError> errors) {
        try {
            return Unit.parse(apartment, tower);
        } catch (Unit.Invalid e) {
            errors.add(new RowError(
                    line,
                    e.field(),
                    "residents.import.error.unit." + e.problem(),
                    e.field().equals("tower") ? tower : apartment));
            return null;
        }
    }

    /** A tag already on the resident this row updates (same name and unit) is not taken by someone else. */
    private static boolean isRowOf(ResidentRef owner, String name, Unit unit) {
        return unit != null
                && owner.name().equalsIgnoreCase(name.strip())
                && owner.apartment().equalsIgnoreCase(unit.number())
                && (owner.tower() == null ? "" : owner.tower())
                        .equalsIgnoreCase(unit.tower() == null ? "" : unit.tower());
    }

    private static String alias(String h) {
        return switch (h) {
            case "nome", "name", "morador" -> "name";
            case "apartamento", "apto", "apartment", "unidade" -> "apartment";
            case "torre", "bloco", "tower" -> "tower";
            case "telefone", "celular", "whatsapp", "phone" -> "phone";
            case "tags", "tag", "cartões", "cartoes", "rfid" -> "tags";
            case "notificacoes", "notificações", "notifications", "avisos" -> "notifications";
            default -> h;
        };
    }

    private static String cell(List<String> cells, Integer i) {
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    /** One CSV line; double quotes may wrap a cell ("" is a quote inside). */
    static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
