package br.com.vetric.condominium;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param name  name of the condominium created on first start ({@code VETRIC_CONDOMINIUM_NAME})
 * @param plans changes to the plans' limits, per plan ({@code vetric.condominium.plans.premium.residents=300}); a
 *              value not given keeps the default written in {@link Plan}
 */
@Validated
@ConfigurationProperties("vetric.condominium")
public record CondominiumProperties(
        @DefaultValue("Condomínio Demo") @NotBlank String name,
        @Nullable Map<Plan, @Valid PlanSettings> plans) {

    public CondominiumProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
    }

    /**
     * One plan's values; each may be left out (the default stays).
     *
     * @param residents  most active residents (a negative number: no limit)
     * @param chargers   most chargers (a negative number: no limit)
     * @param whatsapp   whether WhatsApp notifications are sent
     * @param statements whether monthly statements are generated and shown
     * @param api        whether the API may be used (API keys come later)
     */
    public record PlanSettings(
            @Nullable Integer residents,
            @Nullable Integer chargers,
            @Nullable Boolean whatsapp,
            @Nullable Boolean statements,
            @Nullable Boolean api) {}
}
