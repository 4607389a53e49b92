package br.com.vetric.sync.internal;

import br.com.vetric.chargers.ChargerEvents.ChargerDiscovered;
import br.com.vetric.chargers.ChargerEvents.ChargersChanged;
import br.com.vetric.chargers.Chargers;
import br.com.vetric.condominium.Limit;
import br.com.vetric.condominium.Plans;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A poll that finds new chargers past the condominium's plan does not refuse them: the chargers exist, and their
 * sessions are energy the residents pay for, so dropping them would make the record wrong. They are kept, a warning
 * names them, and the condominium pages show the use above the plan in red; the operator's assignment of a charger
 * ({@link Plans#check}) is what refuses one more.
 */
@Component
class ChargersOverPlan {

    private static final Logger log = LoggerFactory.getLogger(ChargersOverPlan.class);

    private final Chargers chargers;
    private final Plans plans;

    ChargersOverPlan(Chargers chargers, Plans plans) {
        this.chargers = chargers;
        this.plans = plans;
    }

    @EventListener
    void on(ChargersChanged changed) {
        List<ChargerDiscovered> discovered = changed.of(ChargerDiscovered.class);
        if (discovered.isEmpty()) {
            return;
        }
        OptionalInt max = plans.of(changed.condominiumId()).max(Limit.CHARGERS);
        if (max.isEmpty()) {
            return;
        }
        int count = chargers.list(changed.condominiumId()).size();
        if (count > max.getAsInt()) {
            log.warn(
                    "Condominium {} has {} chargers, more than its plan allows ({}); kept: {}",
                    changed.condominiumId(),
                    count,
                    max.getAsInt(),
                    discovered.stream().map(ChargerDiscovered::chargerUuid).toList());
        }
    }
}
