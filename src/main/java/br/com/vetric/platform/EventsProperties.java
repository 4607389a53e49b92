package br.com.vetric.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The durable event publications (Spring Modulith's registry).
 *
 * @param keepCompletedFor completed publications are kept this long (what was delivered to which listener, for
 *                         diagnosis), then deleted every night
 */
@Validated
@ConfigurationProperties("vetric.events")
public record EventsProperties(@DefaultValue("7d") Duration keepCompletedFor) {}
