package br.com.vetric.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a JSON object body, read so that every mistake names its field (400): a field the resource does not
 * have, a value of the wrong type, a null where one is not allowed. It also tells a field that is absent from one
 * sent as null, which a partial update (PATCH) needs: absent leaves a value as it is.
 */
public final class JsonFields {

    private final JsonNode body;

    private JsonFields(JsonNode body) {
        this.body = body;
    }

    /**
     * @param known the fields the resource has; any other is refused, so a misspelt one is never silently ignored
     * @throws InvalidInputException when the body is not a JSON object or has a field not in {@code known}
     */
    public static JsonFields of(JsonNode body, Collection<String> known) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body", "must be a JSON object");
        }
        Set<String> allowed = Set.copyOf(known);
        Iterator<String> names = body.propertyNames().iterator();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(name, "is not a field of this resource");
            }
        }
        return new JsonFields(body);
    }

    /** Whether the field was sent (null included). */
    public boolean has(String field) {
        return body.has(field);
    }

    /** A text field; null when absent or sent as null. */
    public String text(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return v.stringValue();
    }

    /** A true/false field; null when absent. */
    public Boolean bool(String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return v.booleanValue();
    }

    /** A list of ids (positive whole numbers, each once); null when absent or sent as null. */
    public List<Long> ids(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new InvalidInputException(field, "must be a list of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() <= 0) {
                throw new InvalidInputException(field, "must be a list of ids (positive whole numbers)");
            }
            if (!ids.contains(e.longValue())) {
                ids.add(e.longValue());
            }
        }
        return List.copyOf(ids);
    }

    /** Refuses a null sent for any of these fields (a value they cannot be without). */
    public JsonFields notNull(String... fields) {
        for (String f : fields) {
            JsonNode v = body.get(f);
            if (v != null && v.isNull()) {
                throw new InvalidInputException(f, "may not be null");
            }
        }
        return this;
    }
}
