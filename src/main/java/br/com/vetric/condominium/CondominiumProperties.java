package br.com.vetric.condominium;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param name name of the condominium created on first start ({@code VETRIC_CONDOMINIUM_NAME}) */
@Validated
@ConfigurationProperties("vetric.condominium")
public record CondominiumProperties(
        @DefaultValue("Condomínio Demo") @NotBlank String name) {}
