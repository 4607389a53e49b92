package br.com.vetric.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param simulatorPort port of the built-in CVE-PRO simulator, 0 = any free port ({@code VETRIC_SIMULATOR_PORT})
 * @param live          true: a living demo world (sessions start and end by themselves); false: a quiet world
 *                      that only changes when told (tests)
 * @param speed         how fast simulated time runs in the living world
 * @param seedData      whether to create the demo residents and manager account when missing
 */
@ConfigurationProperties("vetric.demo")
public record DemoProperties(Integer simulatorPort, Boolean live, Double speed, Boolean seedData) {

    public static final String MANAGER_EMAIL = "sindico@vetric.local";
    public static final String MANAGER_PASSWORD = "sindico-demo";

    public DemoProperties {
        simulatorPort = simulatorPort == null ? 0 : simulatorPort;
        live = live == null || live;
        speed = speed == null ? 1.0 : speed;
        seedData = seedData == null || seedData;
    }
}
