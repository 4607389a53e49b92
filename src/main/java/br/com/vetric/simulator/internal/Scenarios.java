package br.com.vetric.simulator.internal;

import br.com.vetric.simulator.Scenario;
import java.time.Instant;

/** Schedules scenario steps on the world's clock. */
public final class Scenarios {
    private Scenarios() {}

    public static void play(World world, Scenario s) {
        synchronized (world) {
            Instant base = world.now();
            for (Scenario.Step step : s.steps()) {
                world.schedule(
                        base.plus(step.at()),
                        s.name() + ": " + step.action() + " " + step.params(),
                        () -> Actions.apply(world, step.action(), step.params()));
            }
        }
    }
}
