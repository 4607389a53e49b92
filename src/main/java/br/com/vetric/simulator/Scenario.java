package br.com.vetric.simulator;

import br.com.vetric.simulator.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A timeline of world actions replayed against the simulated clock. JSON: either a list of steps or
 * {@code {"name": "...", "steps": [...]}}; a step is {@code {"at": "PT30S", "action": "plugIn", "charger":
 * "Garagem 1", "tag": "6513270E"}} ({@code at} is an ISO-8601 duration or a number of seconds, relative to the
 * moment the scenario is played). Actions: plugIn(charger, tag, [connector], [hideIdTag]), startCharging,
 * suspend([status]), resume, stop(reason), unplug (alias available), fault(errorCode), clearFault, offline,
 * online, replaceCharger([newChargeBoxId]), setStatus(status, [errorCode]), transactionLag(seconds).
 */
public record Scenario(String name, List<Step> steps) {

    public record Step(Duration at, String action, Map<String, String> params) {
        public Step {
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    public Scenario {
        steps = List.copyOf(steps);
    }

    public static Scenario fromClasspath(String resource) {
        try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no classpath resource " + resource);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario fromFile(Path file) {
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario parse(String json, String defaultName) {
        JsonNode root = Json.MAPPER.readTree(json);
        String name = defaultName;
        JsonNode list = root;
        if (root.isObject()) {
            name = root.path("name").asString(defaultName);
            list = root.path("steps");
        }
        if (!list.isArray()) throw new IllegalArgumentException("scenario needs a list of steps");
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : list) {
            JsonNode at = s.path("at");
            Duration d = at.isNumber()
                    ? Duration.ofMillis((long) (at.asDouble() * 1000))
                    : Duration.parse(at.asString("PT0S"));
            String action = s.path("action").asString(null);
            if (action == null) throw new IllegalArgumentException("step without action: " + s);
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                if (e.getKey().equals("at") || e.getKey().equals("action")) continue;
                params.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
            }
            steps.add(new Step(d, action, params));
        }
        return new Scenario(name, steps);
    }
}
