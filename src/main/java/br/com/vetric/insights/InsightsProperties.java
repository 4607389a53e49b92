package br.com.vetric.insights;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param alertCron     when VETRIC looks for unusual patterns in each active condominium (its month to date in its own
 *                      time zone) and tells its managers of each new incident, once (default hourly at minute 17)
 * @param alertSchedule whether that check runs on its own
 */
@Validated
@ConfigurationProperties("vetric.insights")
public record InsightsProperties(
        @DefaultValue("0 17 * * * *") @NotBlank String alertCron,
        @DefaultValue("true") boolean alertSchedule) {}
