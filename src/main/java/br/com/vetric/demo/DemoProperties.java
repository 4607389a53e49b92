package br.com.vetric.demo;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param simulatorPort port of the built-in CVE-PRO simulator, 0 = any free port ({@code VETRIC_SIMULATOR_PORT})
 * @param live          true: a living demo world (sessions start and end by themselves); false: a quiet world
 *                      that only changes when told (tests)
 * @param speed         how fast simulated time runs in the living world
 * @param seedData      whether to create the demo residents and manager account when missing
 */
@Validated
@ConfigurationProperties("vetric.demo")
public record DemoProperties(
        @DefaultValue("0") @Min(0) int simulatorPort,
        @DefaultValue("true") boolean live,
        @DefaultValue("1.0") @Positive double speed,
        @DefaultValue("true") boolean seedData) {

    public static final String MANAGER_EMAIL = "sindico@vetric.local";
    public static final String MANAGER_PASSWORD = "sindico-demo";
}
