package br.com.vetric.condominium;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The plans' limits are the table in {@link Plan} unless a setting changes one value of one plan (as a property or an
 * environment variable); the values not given keep their defaults.
 */
class PlanSettingsTest {

    static CondominiumProperties bind(Binder binder) {
        return binder.bindOrCreate("vetric.condominium", CondominiumProperties.class);
    }

    @Test
    void theDefaultsAreTheBriefsTable() {
        CondominiumProperties props = bind(new Binder(new MapConfigurationPropertySource(Map.of())));
        assertThat(props.plans()).isEmpty();
        assertThat(Plan.BASIC.defaults()).isEqualTo(new PlanLimits(Plan.BASIC, 50, 5, false, false, false));
        assertThat(Plan.PREMIUM.defaults()).isEqualTo(new PlanLimits(Plan.PREMIUM, 200, 20, true, true, false));
        assertThat(Plan.ENTERPRISE.defaults()).isEqualTo(new PlanLimits(Plan.ENTERPRISE, null, null, true, true, true));
    }

    @Test
    void aSettingChangesOnlyTheValuesItGivesAndANegativeCountMeansNoLimit() {
        CondominiumProperties props = bind(new Binder(new MapConfigurationPropertySource(Map.of(
                "vetric.condominium.plans.premium.residents", "300",
                "vetric.condominium.plans.basic.chargers", "-1",
                "vetric.condominium.plans.basic.whatsapp", "true"))));
        assertThat(Plan.PREMIUM.defaults().with(props.plans().get(Plan.PREMIUM)))
                .isEqualTo(new PlanLimits(Plan.PREMIUM, 300, 20, true, true, false));
        PlanLimits basic = Plan.BASIC.defaults().with(props.plans().get(Plan.BASIC));
        assertThat(basic).isEqualTo(new PlanLimits(Plan.BASIC, 50, null, true, false, false));
        assertThat(basic.max(Limit.CHARGERS)).isEmpty();
    }

    @Test
    void anEnvironmentVariableSetsOneValueOfOnePlan() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("VETRIC_CONDOMINIUM_PLANS_PREMIUM_RESIDENTS", "300")));
        CondominiumProperties props = bind(new Binder(ConfigurationPropertySources.from(env.getPropertySources())));
        assertThat(props.plans().get(Plan.PREMIUM).residents()).isEqualTo(300);
    }
}
