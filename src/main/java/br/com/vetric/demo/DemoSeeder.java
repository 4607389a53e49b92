package br.com.vetric.demo;

import br.com.vetric.condominium.Condominiums;
import br.com.vetric.identity.Role;
import br.com.vetric.identity.Users;
import br.com.vetric.platform.Tenancy;
import br.com.vetric.reports.Tariff;
import br.com.vetric.reports.Tariffs;
import br.com.vetric.residents.ResidentCommand;
import br.com.vetric.residents.Residents;
import br.com.vetric.shared.CondominiumId;
import br.com.vetric.simulator.DemoCondominium;
import br.com.vetric.simulator.Resident;
import java.math.BigDecimal;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo condominium once: its residents (with the simulator's tags) when it has none, the demo
 * manager account and a time-of-use tariff when missing. Never overwrites what an administrator changed.
 */
@Component
@ConditionalOnExpression("'${vetric.cpms.url:}'.isBlank()")
class DemoSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Condominiums condominiums;
    private final Residents residents;
    private final Users users;
    private final Tariffs tariffs;
    private final DemoProperties props;

    DemoSeeder(Condominiums condominiums, Residents residents, Users users, Tariffs tariffs, DemoProperties props) {
        this.props = props;
        this.tariffs = tariffs;
        this.condominiums = condominiums;
        this.residents = residents;
        this.users = users;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!props.seedData()) {
            return;
        }
        CondominiumId condo = condominiums.primary().id();
        Tenancy.within(condo, () -> seed(condo));
    }

    private void seed(CondominiumId condo) {
        users.ensure(
                DemoProperties.MANAGER_EMAIL,
                "Síndico Demo",
                Role.CLIENTE,
                condo.value(),
                DemoProperties.MANAGER_PASSWORD);
        if (!tariffs.configured(condo)) {
            // a typical Brazilian "tarifa branca"-like split: peak 17:30–20:29 on working days
            tariffs.save(condo, tariff(), null);
        }
        if (residents.count(condo, null, true) > 0) {
            return;
        }
        DemoCondominium demo = DemoCondominium.load();
        for (Resident r : demo.residents()) { // "Apto 101 Torre A": the residents module reads number and tower
            residents.create(condo, new ResidentCommand(r.name(), r.apartment(), null, r.phone(), r.tags(), true));
        }
        log.info("Demo: seeded {} residents in condominium {}", demo.residents().size(), condo);
    }

    /** The demo's tariff: a typical Brazilian "tarifa branca"-like split, peak 17:30–20:29 on working days. */
    static Tariff tariff() {
        return Tariff.timeOfUse(
                new BigDecimal("1.25"), new BigDecimal("0.78"), LocalTime.of(17, 30), LocalTime.of(20, 30));
    }
}
