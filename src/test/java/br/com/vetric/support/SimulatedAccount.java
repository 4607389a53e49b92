package br.com.vetric.support;

import br.com.vetric.simulator.ChargerSpec;
import br.com.vetric.simulator.CveProSimulator;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A simulated CVE-PRO account of its own (a quiet simulator on its own port) with chargers whose uuids no other test
 * uses, and credentials of its own: tests that need several accounts start several.
 */
public final class SimulatedAccount implements AutoCloseable {

    public final CveProSimulator simulator;
    public final List<String> uuids;
    public final String apiKey;
    public final String email;
    public final String password;

    private SimulatedAccount(
            CveProSimulator simulator, List<String> uuids, String apiKey, String email, String password) {
        this.simulator = simulator;
        this.uuids = uuids;
        this.apiKey = apiKey;
        this.email = email;
        this.password = password;
    }

    /** An account with {@code chargers} single-connector chargers named "{@code label} 1", "{@code label} 2"… */
    public static SimulatedAccount start(String label, int chargers) {
        return start(label, chargers, Instant.now());
    }

    /** Same, with the simulated world's clock starting at {@code startAt} (frozen until advanced). */
    public static SimulatedAccount start(String label, int chargers, Instant startAt) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ChargerSpec> specs = new ArrayList<>();
        List<String> uuids = new ArrayList<>();
        for (int i = 1; i <= chargers; i++) {
            String uuid = "sim-" + run + "-" + i;
            uuids.add(uuid);
            specs.add(ChargerSpec.simple(9000 + i, "BOX_" + run + "_" + i, uuid, label + " " + i));
        }
        DemoCondominium layout = new DemoCondominium(label, null, specs, List.of(), List.of());
        String apiKey = "key-" + run + "-secret-apikey";
        String email = "conta-" + run + "@cvepro.test";
        String password = "pw-" + run + "-secret-password";
        CveProSimulator sim = CveProSimulator.start(
                SimulatorConfig.quiet(startAt).withCondominium(layout).withCredentials(apiKey, email, password));
        return new SimulatedAccount(sim, uuids, apiKey, email, password);
    }

    /** The connection's JSON for {@code POST /api/v1/cpms-connections}. */
    public String json(Long defaultCondominiumId) {
        return """
                {"url": "%s", "apiKey": "%s", "email": "%s", "password": "%s", "defaultCondominiumId": %s}""".formatted(simulator.baseUrl(), apiKey, email, password, defaultCondominiumId);
    }

    /** Lets the simulated world catch up with the real clock (VETRIC reads the real one in these tests). */
    public void catchUp() {
        java.time.Duration behind = java.time.Duration.between(simulator.now(), Instant.now());
        if (behind.isPositive()) {
            simulator.advance(behind);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
