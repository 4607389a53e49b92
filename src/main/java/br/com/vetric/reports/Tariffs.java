package br.com.vetric.reports;

import br.com.vetric.reports.internal.TariffService;
import br.com.vetric.shared.CondominiumId;
import org.springframework.stereotype.Service;

/** How each condominium prices energy (flat, or time-of-use with a peak window); {@link Tariff#NOT_CONFIGURED} when unset. */
@Service
public class Tariffs {

    private final TariffService tariffs;

    Tariffs(TariffService tariffs) {
        this.tariffs = tariffs;
    }

    public Tariff tariff(CondominiumId condo) {
        return tariffs.tariff(condo);
    }

    public boolean configured(CondominiumId condo) {
        return tariffs.tariffConfigured(condo);
    }

    /** Validates (each price between 0 and 100 R$/kWh, a peak window that ends after it starts) and saves. */
    public Tariff save(CondominiumId condo, Tariff tariff, Long userId) {
        return tariffs.saveTariff(condo, tariff, userId);
    }
}
