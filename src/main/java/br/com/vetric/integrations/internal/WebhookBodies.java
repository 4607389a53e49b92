package br.com.vetric.integrations.internal;

import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies VETRIC sends: {@code {"type": …, "timestamp": ISO-8601, "data": {…}}}, data with the JSON API's field
 * names (a session's {@code id}, {@code chargerUuid}, {@code residentId}…), written once when the event is queued and
 * sent byte for byte on every attempt, so a signature always matches what was stored.
 */
@Component
class WebhookBodies {

    private final JsonMapper json = JsonMapper.builder().build();

    /** A message for {@code data} (a record or a map), renaming its {@code idField} (e.g. sessionId) to {@code id}. */
    WebhookRepository.Message message(String type, Instant at, Object data, String idField) {
        ObjectNode d = json.valueToTree(data);
        d.remove("@type");
        if (d.has("condominiumId") && d.get("condominiumId").isObject()) {
            d.put("condominiumId", d.get("condominiumId").get("value").asLong());
        }
        if (idField != null && d.has(idField)) {
            ObjectNode renamed = json.createObjectNode();
            renamed.set("id", d.get(idField));
            d.properties().forEach(e -> {
                if (!e.getKey().equals(idField)) {
                    renamed.set(e.getKey(), e.getValue());
                }
            });
            d = renamed;
        }
        ObjectNode body = json.createObjectNode();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.set("data", d);
        return new WebhookRepository.Message(WebhookSigner.newMessageId(), type, json.writeValueAsString(body));
    }

    WebhookRepository.Message message(String type, Instant at, Object data) {
        return message(type, at, data, null);
    }
}
