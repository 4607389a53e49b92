package br.com.vetric.condominium;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param name name of the condominium created on first start ({@code VETRIC_CONDOMINIUM_NAME}) */
@ConfigurationProperties("vetric.condominium")
public record CondominiumProperties(String name) {

    public CondominiumProperties {
        name = (name == null || name.isBlank()) ? "Condomínio Demo" : name;
    }
}
