package br.com.vetric.simulator;

import br.com.vetric.simulator.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The simulated condominium: its chargers, residents (with their RFID tags) and tags that belong to nobody.
 * VETRIC can seed its own resident table from {@link #load()} so that the demo tags are recognised.
 */
public record DemoCondominium(
        String name, Address address, List<ChargerSpec> chargers, List<Resident> residents, List<String> unknownTags) {

    /** Classpath resource with the demo condominium. */
    public static final String RESOURCE = "simulator/demo-condominium.json";

    public record Address(
            String street, String houseNumber, String zipCode, String city, String state, String country) {}

    public DemoCondominium {
        chargers = List.copyOf(chargers);
        residents = List.copyOf(residents);
        unknownTags = unknownTags == null ? List.of() : List.copyOf(unknownTags);
    }

    /** The demo's second condominium on the same account: 3 chargers, 8 residents with the first's card numbers. */
    public static final String JARDINS = "simulator/demo-condominium-jardins.json";

    /** The demo's condominium in Manaus, on an account of its own: 3 chargers, 8 residents. */
    public static final String RIO_NEGRO = "simulator/demo-condominium-manaus.json";

    /** Loads the demo condominium (6 chargers, 20 residents, 2 unknown tags) from {@link #RESOURCE}. */
    public static DemoCondominium load() {
        return load(RESOURCE);
    }

    /** Loads a condominium document of the same shape as {@link #RESOURCE} from the classpath. */
    public static DemoCondominium load(String resource) {
        try (InputStream in = DemoCondominium.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + resource);
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This condominium's fleet with {@code other}'s chargers too: one account that reports two sites' chargers. */
    public DemoCondominium withChargersOf(DemoCondominium other) {
        List<ChargerSpec> all = new ArrayList<>(chargers);
        all.addAll(other.chargers());
        return new DemoCondominium(name, address, all, residents, unknownTags);
    }

    /** Parses a condominium JSON document with the same shape as {@link #RESOURCE}. */
    public static DemoCondominium parse(InputStream in) {
        JsonNode root = Json.MAPPER.readTree(in);
        JsonNode a = root.path("address");
        Address address = new Address(
                a.path("street").asString(null),
                a.path("houseNumber").asString(null),
                a.path("zipCode").asString(null),
                a.path("city").asString(null),
                a.path("state").asString(null),
                a.path("country").asString("BR"));
        List<ChargerSpec> chargers = new ArrayList<>();
        for (JsonNode c : root.path("chargers")) {
            JsonNode pm = c.get("powerMax");
            Number powerMax = pm == null || pm.isNull() ? null : pm.numberValue();
            chargers.add(new ChargerSpec(
                    c.path("chargeBoxPk").asLong(),
                    c.path("chargeBoxId").asString(),
                    c.path("uuid").asString(),
                    c.path("description").asString(),
                    c.path("vendor").asString(null),
                    c.path("model").asString(null),
                    c.path("fwVersion").asString(null),
                    powerMax,
                    c.path("connectorType").asString("Type 2"),
                    c.path("connectors").asInt(1),
                    c.path("chargingPowerW").asDouble(7000),
                    c.path("lowerCaseTags").asBoolean(false),
                    c.path("energyNullWhileRunning").asBoolean(false),
                    c.path("legacyOccupiedStatus").asBoolean(false)));
        }
        List<Resident> residents = new ArrayList<>();
        for (JsonNode r : root.path("residents")) {
            List<String> tags = new ArrayList<>();
            r.path("tags").forEach(t -> tags.add(t.asString()));
            residents.add(new Resident(
                    r.path("name").asString(),
                    r.path("apartment").asString(null),
                    r.path("phone").asString(null),
                    tags));
        }
        List<String> unknown = new ArrayList<>();
        root.path("unknownTags").forEach(t -> unknown.add(t.asString()));
        return new DemoCondominium(root.path("name").asString(null), address, chargers, residents, unknown);
    }

    /** The resident owning {@code tag} (case-insensitive, trimmed), if any. */
    public Optional<Resident> residentByTag(String tag) {
        if (tag == null) return Optional.empty();
        String t = tag.trim();
        return residents.stream()
                .filter(r -> r.tags().stream().anyMatch(x -> x.equalsIgnoreCase(t)))
                .findFirst();
    }

    /** All resident tags, in file order. */
    public List<String> residentTags() {
        return residents.stream().flatMap(r -> r.tags().stream()).toList();
    }
}
