package br.com.vetric.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Configuration of a {@link CveProSimulator}.
 *
 * @param port          TCP port on 127.0.0.1; 0 = random free port
 * @param apiKey        expected {@code Api-Key} header
 * @param email         login e-mail
 * @param password      login password
 * @param tokenTtl      token lifetime in simulated time (default 24 h)
 * @param startAt       initial simulated instant (null = the real current time)
 * @param autoRun       run a background ticker that advances the simulated clock with real time x {@code speed}
 * @param speed         speed factor of the ticker (1 = real time)
 * @param autopilot     random (seeded) demo activity: sessions start, idle, finish; occasional faults/offline spells
 * @param seedHistory   start with completed transactions of the last days and 2-3 sessions already running
 * @param randomSeed    seed of the autopilot / history generator
 * @param condominium   the fleet and the residents
 */
public record SimulatorConfig(
        int port,
        String apiKey,
        String email,
        String password,
        Duration tokenTtl,
        Instant startAt,
        boolean autoRun,
        double speed,
        boolean autopilot,
        boolean seedHistory,
        long randomSeed,
        DemoCondominium condominium) {

    public static final String DEFAULT_API_KEY = "vetric-demo-api-key";
    public static final String DEFAULT_EMAIL = "demo@vetric.com.br";
    public static final String DEFAULT_PASSWORD = "demo1234";

    public SimulatorConfig {
        if (tokenTtl == null) tokenTtl = Duration.ofHours(24);
        if (speed <= 0) speed = 1;
        if (condominium == null) condominium = DemoCondominium.load();
        if (apiKey == null) apiKey = DEFAULT_API_KEY;
        if (email == null) email = DEFAULT_EMAIL;
        if (password == null) password = DEFAULT_PASSWORD;
    }

    /** The live demo: demo fleet, random port, background ticker at real speed, autopilot and seeded history. */
    public static SimulatorConfig demo() {
        return new SimulatorConfig(
                0,
                DEFAULT_API_KEY,
                DEFAULT_EMAIL,
                DEFAULT_PASSWORD,
                Duration.ofHours(24),
                null,
                true,
                1.0,
                true,
                true,
                42L,
                DemoCondominium.load());
    }

    /**
     * For tests: demo fleet, random port, no ticker, no autopilot, no history, all connectors Available,
     * clock frozen at {@code startAt} until {@link CveProSimulator#advance} is called.
     */
    public static SimulatorConfig quiet(Instant startAt) {
        return new SimulatorConfig(
                0,
                DEFAULT_API_KEY,
                DEFAULT_EMAIL,
                DEFAULT_PASSWORD,
                Duration.ofHours(24),
                startAt,
                false,
                1.0,
                false,
                false,
                42L,
                DemoCondominium.load());
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(
                p,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withCredentials(String key, String mail, String pwd) {
        return new SimulatorConfig(
                port,
                key,
                mail,
                pwd,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withTokenTtl(Duration ttl) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                ttl,
                startAt,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withStartAt(Instant at) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                at,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withAutoRun(boolean run, double spd) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                run,
                spd,
                autopilot,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withAutopilot(boolean on) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                on,
                seedHistory,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withSeedHistory(boolean on) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                autopilot,
                on,
                randomSeed,
                condominium);
    }

    public SimulatorConfig withRandomSeed(long seed) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                seed,
                condominium);
    }

    public SimulatorConfig withCondominium(DemoCondominium c) {
        return new SimulatorConfig(
                port,
                apiKey,
                email,
                password,
                tokenTtl,
                startAt,
                autoRun,
                speed,
                autopilot,
                seedHistory,
                randomSeed,
                c);
    }
}
